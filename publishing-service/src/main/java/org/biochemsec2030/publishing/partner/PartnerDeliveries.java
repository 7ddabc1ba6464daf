package org.biochemsec2030.publishing.partner;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.biochemsec2030.platform.security.outbound.AddressPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued events to partner endpoints. A round takes due deliveries in one short
 * transaction (a lease, not a lock held while calling out), then each endpoint's share is
 * sent on a virtual thread of its own, one delivery after another, and every outcome is
 * written in a short transaction of its own. So a slow or dead endpoint holds only its
 * own thread and its own deliveries: the others are taken in the next round while it
 * waits, and an endpoint that is still busy is left out of the rounds until it is done. A
 * replica that dies mid-delivery leaves a lease that runs out; another replica then sends
 * again (at least once: receivers drop repeats by {@code webhook-id}).
 */
@Component
class PartnerDeliveries implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PartnerDeliveries.class);

	private static final int ROUND_SIZE = 200;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final PartnerProperties properties;

	private final RetrySchedule schedule;

	private final Clock clock;

	private final WebhookSender sender;

	private final PartnerNotices notices;

	private final RandomGenerator random = RandomGenerator.getDefault();

	private final Set<UUID> busy = ConcurrentHashMap.newKeySet();

	private final Semaphore wakeUp = new Semaphore(0);

	private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

	private volatile boolean running;

	private Thread loop;

	PartnerDeliveries(JdbcClient jdbc, TransactionTemplate transactions, PartnerProperties properties,
			PartnerNotices notices, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.notices = notices;
		this.transactions = transactions;
		this.properties = properties;
		this.schedule = properties.schedule();
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.sender = new WebhookSender(properties.policy(), properties.deliveryDeadline(), properties.maxConnections(),
				this.clock);
	}

	/** Called after a commit that queued deliveries: a round starts at once. */
	void wake() {
		this.wakeUp.release();
	}

	@Override
	public void start() {
		this.running = true;
		this.loop = Thread.ofVirtual().name("partner-deliveries").start(this::run);
	}

	@Override
	public void stop() {
		this.running = false;
		this.wakeUp.release();
		this.workers.shutdownNow();
		try {
			this.sender.close();
		}
		catch (IOException ex) {
			logger.debug("Closing the webhook client failed", ex);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		while (this.running) {
			try {
				round();
			}
			catch (RuntimeException ex) {
				// The database may be away for a moment; the next round tries again.
				logger.warn("A round of partner deliveries failed: {}", ex.toString(), ex);
			}
			try {
				this.wakeUp.tryAcquire(this.properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
				this.wakeUp.drainPermits();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** Takes what is due and hands each endpoint's share to a thread of its own. */
	void round() {
		Map<UUID, List<Due>> byEndpoint = new LinkedHashMap<>();
		for (Due due : claim()) {
			byEndpoint.computeIfAbsent(due.endpointId(), id -> new ArrayList<>()).add(due);
		}
		byEndpoint.forEach((endpoint, dues) -> {
			if (this.busy.add(endpoint)) {
				this.workers.submit(() -> {
					try {
						dues.forEach(this::deliver);
					}
					finally {
						this.busy.remove(endpoint);
						// What this endpoint left due can be taken now.
						wake();
					}
				});
			}
		});
	}

	private List<Due> claim() {
		Instant now = this.clock.instant();
		Duration lease = this.properties.deliveryDeadline()
			.multipliedBy(this.properties.perEndpoint() + 1L)
			.plusSeconds(30);
		List<Due> claimed = this.transactions.execute(status -> this.jdbc
			.sql("""
					with candidates as (
					    select id from (
					        select d.id, row_number() over (partition by d.endpoint_id order by d.next_attempt_at, d.id) as n
					        from partner_delivery d join partner_endpoint p on p.id = d.endpoint_id
					        join partner pa on pa.id = p.partner_id join partner_event e on e.seq = d.event_seq
					        where d.status = 'pending' and d.next_attempt_at <= :now
					          and (d.leased_until is null or d.leased_until < :now)
					          and p.enabled and not (d.endpoint_id = any(:busy))
					          -- Queued for the embargo's end unless trusted; this holds back what
					          -- was queued earlier for a partner no longer trusted, or redelivered.
					          and (pa.trusted or e.public_seq is not null or e.embargo_until <= :now)
					          -- An entry for one partner goes to that partner's endpoints only,
					          -- however its delivery was queued.
					          and (e.audience is null or e.audience = p.partner_id)
					    ) ranked
					    where n <= :perEndpoint
					    limit :limit),
					locked as (
					    select d.id from partner_delivery d where d.id in (select id from candidates)
					    for update skip locked)
					update partner_delivery d set leased_until = :leaseEnd
					from locked where d.id = locked.id
					returning d.id, d.endpoint_id, d.event_seq, d.attempts""")
			.param("now", Timestamp.from(now))
			.param("busy", this.busy.toArray(UUID[]::new))
			.param("perEndpoint", this.properties.perEndpoint())
			.param("limit", ROUND_SIZE)
			.param("leaseEnd", Timestamp.from(now.plus(lease)))
			.query((rs, row) -> new Due(rs.getLong("id"), rs.getObject("endpoint_id", UUID.class),
					rs.getLong("event_seq"), rs.getInt("attempts")))
			.list());
		List<Due> ordered = new ArrayList<>(claimed);
		ordered.sort((a, b) -> Long.compare(a.eventSeq(), b.eventSeq()));
		return ordered;
	}

	private void deliver(Due due) {
		Optional<Outgoing> outgoing = this.jdbc.sql("""
				select p.url, e.event_id, e.envelope from partner_delivery d
				join partner_endpoint p on p.id = d.endpoint_id join partner_event e on e.seq = d.event_seq
				where d.id = :id and d.status = 'pending' and p.enabled
				  and (e.audience is null or e.audience = p.partner_id)""")
			.param("id", due.id())
			.query((rs, row) -> new Outgoing(rs.getString("url"), rs.getObject("event_id", UUID.class).toString(),
					rs.getString("envelope")))
			.optional();
		if (outgoing.isEmpty()) {
			return;
		}
		List<SigningSecret> secrets = secrets(due.endpointId());
		WebhookSender.Attempt attempt;
		try {
			URI endpoint = this.properties.policy().check(outgoing.get().url());
			attempt = this.sender.send(endpoint, outgoing.get().eventId(),
					outgoing.get().envelope().getBytes(StandardCharsets.UTF_8), secrets);
		}
		catch (AddressPolicy.Refused ex) {
			attempt = new WebhookSender.Attempt(0, Duration.ZERO, "", ex.getMessage());
		}
		record(due, attempt);
	}

	/** The secrets that sign now: the current one first, then one being rotated out. */
	List<SigningSecret> secrets(UUID endpointId) {
		return this.jdbc.sql("""
				select secret from partner_endpoint_secret
				where endpoint_id = :id and (expires_at is null or expires_at > :now)
				order by created_at desc""")
			.param("id", endpointId)
			.param("now", Timestamp.from(this.clock.instant()))
			.query((rs, row) -> new SigningSecret(rs.getString("secret")))
			.list();
	}

	private void record(Due due, WebhookSender.Attempt attempt) {
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult(status -> {
			// The endpoint's row first, then the delivery's: the order in which
			// deleting an endpoint (or its partner) takes them, so the two never
			// deadlock. An endpoint deleted meanwhile took its deliveries with it:
			// nothing is left to record.
			boolean exists = this.jdbc.sql("select id from partner_endpoint where id = :id for no key update")
				.param("id", due.endpointId())
				.query(UUID.class)
				.optional()
				.isPresent();
			if (!exists) {
				return;
			}
			this.jdbc.sql("""
					insert into partner_attempt (delivery_id, attempted_at, status, latency_ms, excerpt, error)
					values (:id, :at, :status, :latency, :excerpt, :error)""")
				.param("id", due.id())
				.param("at", Timestamp.from(now))
				.param("status", attempt.status())
				.param("latency", (int) Math.min(Integer.MAX_VALUE, attempt.latency().toMillis()))
				.param("excerpt", printable(attempt.excerpt()))
				.param("error", (attempt.error() != null) ? printable(attempt.error()) : null)
				.update();
			if (attempt.delivered()) {
				this.jdbc.sql("""
						update partner_delivery set status = 'delivered', attempts = attempts + 1,
						    delivered_at = :now, leased_until = null, next_attempt_at = null where id = :id""")
					.param("now", Timestamp.from(now))
					.param("id", due.id())
					.update();
				this.jdbc.sql("update partner_endpoint set failing_since = null where id = :id")
					.param("id", due.endpointId())
					.update();
				return;
			}
			Optional<Instant> next = this.schedule.next(due.attempts() + 1, now, this.random);
			this.jdbc.sql("""
					update partner_delivery set status = :status, attempts = attempts + 1,
					    next_attempt_at = :next, leased_until = null where id = :id""")
				.param("status", next.isPresent() ? "pending" : "failed")
				.param("next", next.map(Timestamp::from).orElse(null))
				.param("id", due.id())
				.update();
			this.jdbc.sql("update partner_endpoint set failing_since = coalesce(failing_since, :now) where id = :id")
				.param("now", Timestamp.from(now))
				.param("id", due.endpointId())
				.update();
			// Failing without one success for days: the endpoint is switched off
			// until its partner mends it and enables it again; what is queued for it
			// waits. Only an enabled endpoint changes, so there is one disabling, and
			// one notice, per outage.
			Optional<String> disabled = this.jdbc.sql("""
					update partner_endpoint set enabled = false,
					    disabled_reason = 'no delivery succeeded since ' || to_char(failing_since at time zone 'UTC',
					        'YYYY-MM-DD"T"HH24:MI:SS"Z"')
					where id = :id and enabled and failing_since < :limit
					returning disabled_reason""")
				.param("limit", Timestamp.from(now.minus(this.properties.disableAfter())))
				.param("id", due.endpointId())
				.query(String.class)
				.optional();
			if (disabled.isPresent()) {
				logger.warn("Partner endpoint {} disabled: no delivery succeeded for more than {}", due.endpointId(),
						this.properties.disableAfter());
				this.notices.endpointDisabled(due.endpointId(), disabled.get(),
						(attempt.status() > 0) ? "HTTP " + attempt.status() : attempt.error());
			}
		});
	}

	/** The delivery log keeps text only: control characters of an answer are dropped. */
	private static String printable(String text) {
		return text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "");
	}

	/** A ping: one attempt now, outside the log, so a partner can check its receiver. */
	WebhookSender.Attempt ping(UUID endpointId, String url, String envelope, String eventId) {
		URI endpoint = this.properties.policy().check(url);
		return this.sender.send(endpoint, eventId, envelope.getBytes(StandardCharsets.UTF_8), secrets(endpointId));
	}

	private record Due(long id, UUID endpointId, long eventSeq, int attempts) {
	}

	private record Outgoing(String url, String eventId, String envelope) {
	}

}
