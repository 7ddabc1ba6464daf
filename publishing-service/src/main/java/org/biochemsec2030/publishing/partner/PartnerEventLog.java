package org.biochemsec2030.publishing.partner;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.biochemsec2030.contracts.embargo.EmbargoRecalled;
import org.biochemsec2030.contracts.tracker.WatchlistMatched;
import org.biochemsec2030.platform.events.ReceivedEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log of every public event, read from {@code bcs.public}: what the pull API and its
 * feed page through, and what webhooks deliver. Each event is kept once, under the id it
 * has on Kafka, as the structured CloudEvent that is signed and sent; logging it also
 * queues one delivery for every enabled endpoint whose filters it matches, in the same
 * transaction, so no subscriber misses an event that was logged. An embargoed event
 * ({@link Embargo}) is queued at once for trusted partners and for the embargo's end for
 * the others, and takes its place in the public log only when the embargo ends. A
 * partner's watchlist alert ({@link WatchlistAlert}, from {@code bcs.tracker}) is kept
 * with that partner as its audience: queued for its endpoints alone and listed only in
 * its own view of the log.
 */
@Component
public class PartnerEventLog {

	/**
	 * The advisory lock that orders writers of the log (an arbitrary constant of its
	 * own).
	 */
	private static final long LOG_LOCK = 0x6263735f6c6f67L;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final PartnerDeliveries deliveries;

	private final TransactionTemplate transactions;

	PartnerEventLog(JdbcClient jdbc, JsonMapper json, ObjectProvider<Clock> clock, PartnerDeliveries deliveries,
			TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.deliveries = deliveries;
		this.transactions = transactions;
	}

	/** Logs one event from the public stream; a repeat of a logged id changes nothing. */
	void record(ReceivedEvent event) {
		JsonNode data = data(event);
		Embargo embargo = Embargo.of(data);
		Instant now = this.clock.instant();
		lockTheLog();
		List<Long> logged = insert(event, data, embargo.until().orElse(null), embargo.isPublic(now),
				strings(data.path("regimes")), strings(data.path("topics")), null);
		if (!logged.isEmpty()) {
			queue(logged.get(0), embargo, now);
		}
	}

	/**
	 * Logs a partner's watchlist alert for that partner alone; a member's alert, and one
	 * for a partner that is not (or no longer) registered, are logged nowhere. Its data
	 * is the contract's record as read, so a field the tracker might add to its internal
	 * event reaches no partner before the contract names it.
	 */
	void recordAlert(ReceivedEvent event) {
		Optional<WatchlistAlert> alert = WatchlistAlert.of(event.data(this.json, WatchlistMatched.class));
		if (alert.isEmpty()) {
			return;
		}
		UUID partner = alert.get().partner();
		Instant now = this.clock.instant();
		lockTheLog();
		boolean registered = this.jdbc.sql("select exists (select 1 from partner where id = :id)")
			.param("id", partner)
			.query(Boolean.class)
			.single();
		if (!registered) {
			return;
		}
		JsonNode data = this.json.valueToTree(alert.get().alert());
		List<Long> logged = insert(event, data, null, true, alert.get().regimes().toArray(String[]::new),
				alert.get().topics().toArray(String[]::new), partner);
		if (!logged.isEmpty()) {
			queue(logged.get(0), Embargo.NONE, now);
		}
	}

	/**
	 * One delivery for every enabled endpoint whose filters the event matches and whose
	 * partner is in its audience, in the transaction that logged it.
	 */
	private void queue(long seq, Embargo embargo, Instant now) {
		int queued = this.jdbc.sql("""
				insert into partner_delivery (event_seq, endpoint_id, status, next_attempt_at)
				select e.seq, p.id, 'pending',
				    case when pa.trusted then cast(:trustedAt as timestamptz) else cast(:othersAt as timestamptz) end
				from partner_event e, partner_endpoint p join partner pa on pa.id = p.partner_id
				where e.seq = :seq and p.enabled
				  and (e.audience is null or e.audience = p.partner_id)
				  and (cardinality(p.event_types) = 0 or e.type = any(p.event_types))
				  and (cardinality(p.regimes) = 0 or p.regimes && e.regimes)
				  and (cardinality(p.topics) = 0 or p.topics && e.topics)
				on conflict do nothing""")
			.param("trustedAt", Timestamp.from(embargo.deliverAt(true, now)))
			.param("othersAt", Timestamp.from(embargo.deliverAt(false, now)))
			.param("seq", seq)
			.update();
		if (queued > 0) {
			wakeDeliveriesAfterCommit();
		}
	}

	/**
	 * Takes back an embargoed event its producer recalled before the embargo ended
	 * ({@link EmbargoRecalled}, on {@code bcs.embargoed} after the event itself): it
	 * never takes a place in the public log, deliveries of it not yet made are called
	 * off, and the endpoints that were sent it (trusted partners) are sent the notice,
	 * whatever their filters. A recall of an event that is public already, or was
	 * recalled, changes nothing.
	 */
	void recall(ReceivedEvent notice) {
		JsonNode data = data(notice);
		UUID recalled = UUID.fromString(data.path("announcementId").asString());
		Instant now = this.clock.instant();
		lockTheLog();
		List<Long> event = this.jdbc.sql("""
				update partner_event set recalled_at = :now
				where event_id = :id and public_seq is null and recalled_at is null
				returning seq""").param("now", Timestamp.from(now)).param("id", recalled).query(Long.class).list();
		if (event.isEmpty()) {
			return;
		}
		List<UUID> told = this.jdbc.sql(
				"select endpoint_id from partner_delivery where event_seq = :seq and (status = 'delivered' or attempts > 0)")
			.param("seq", event.get(0))
			.query(UUID.class)
			.list();
		this.jdbc.sql("update partner_delivery set status = 'recalled' where event_seq = :seq and status = 'pending'")
			.param("seq", event.get(0))
			.update();
		// Never public (no embargo to end, no position), sent only to those told before.
		List<Long> logged = insert(notice, data, null, false, strings(data.path("regimes")),
				strings(data.path("topics")), null);
		if (logged.isEmpty() || told.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into partner_delivery (event_seq, endpoint_id, status, next_attempt_at)
				select :seq, p.id, 'pending', :now from partner_endpoint p
				where p.id = any(:endpoints) and p.enabled
				on conflict do nothing""")
			.param("seq", logged.get(0))
			.param("now", Timestamp.from(now))
			.param("endpoints", told.toArray(UUID[]::new))
			.update();
		wakeDeliveriesAfterCommit();
	}

	private JsonNode data(ReceivedEvent event) {
		return (event.data() != null) ? this.json.readTree(event.data()) : NullNode.instance;
	}

	/**
	 * The event as the structured CloudEvent that is signed and sent, kept once; an
	 * {@code audience} (a partner id) or null for everyone.
	 */
	private List<Long> insert(ReceivedEvent event, JsonNode data, Instant embargoUntil, boolean listedNow,
			String[] regimes, String[] topics, UUID audience) {
		ObjectNode envelope = this.json.createObjectNode();
		envelope.put("specversion", "1.0");
		envelope.put("id", event.id());
		envelope.put("source", event.source().toString());
		envelope.put("type", event.type());
		if (event.subject() != null) {
			envelope.put("subject", event.subject());
		}
		Instant occurred = (event.time() != null) ? event.time().toInstant() : this.clock.instant();
		envelope.put("time", occurred.toString());
		envelope.put("datacontenttype", "application/json");
		envelope.set("data", data);
		return this.jdbc.sql("""
				insert into partner_event (event_id, type, subject, occurred_at, envelope, regimes, topics, logged_at,
				    embargo_until, public_seq, audience)
				values (:id, :type, :subject, :occurred, :envelope, :regimes, :topics, :now, :until,
				    case when :listed then nextval('partner_event_public_seq') end, :audience)
				on conflict (event_id) do nothing
				returning seq""")
			.param("id", UUID.fromString(event.id()))
			.param("type", event.type())
			.param("subject", event.subject())
			.param("occurred", Timestamp.from(occurred))
			.param("envelope", this.json.writeValueAsString(envelope))
			.param("regimes", regimes)
			.param("topics", topics)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("until", (embargoUntil != null) ? Timestamp.from(embargoUntil) : null)
			.param("listed", listedNow)
			.param("audience", audience)
			.query(Long.class)
			.list();
	}

	/**
	 * Gives embargoed events whose time has come their place in the public log, in the
	 * order their embargoes ended. Their deliveries to partners that are not trusted were
	 * queued for that time already.
	 */
	@Scheduled(fixedDelayString = "${bcs.partners.embargo-interval:1s}")
	void releaseEmbargoed() {
		Timestamp now = Timestamp.from(this.clock.instant());
		boolean due = this.jdbc.sql(
				"select exists (select 1 from partner_event where public_seq is null and embargo_until <= :now and recalled_at is null)")
			.param("now", now)
			.query(Boolean.class)
			.single();
		if (!due) {
			return;
		}
		this.transactions.executeWithoutResult(status -> {
			lockTheLog();
			this.jdbc
				.sql("""
						update partner_event e set public_seq = released.position
						from (select seq, nextval('partner_event_public_seq') as position
						      from (select seq from partner_event where public_seq is null and embargo_until <= :now and recalled_at is null
						            order by embargo_until, seq) ordered) released
						where e.seq = released.seq""")
				.param("now", now)
				.update();
			wakeDeliveriesAfterCommit();
		});
	}

	/**
	 * One writer at a time until commit: positions are handed out in commit order, so a
	 * reader paging by position never skips a row that commits after a later one.
	 */
	private void lockTheLog() {
		this.jdbc.sql("select 1 from (select pg_advisory_xact_lock(:key)) locked")
			.param("key", LOG_LOCK)
			.query(Integer.class)
			.single();
	}

	private void wakeDeliveriesAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				PartnerEventLog.this.deliveries.wake();
			}
		});
	}

	/**
	 * One page of the log after a position, oldest first, as one reader may see it: the
	 * public log for anyone ({@code partner} empty), and with a partner's own entries
	 * beside it for that partner. Events under embargo are not in it yet. Positions
	 * follow commit order (see {@link #lockTheLog()}), so a reader never passes a
	 * position that is still to appear.
	 */
	public Page page(long after, Set<String> types, int limit, Optional<UUID> partner) {
		List<Entry> entries = this.jdbc.sql("""
				select public_seq, envelope from partner_event
				where public_seq > :after
				  and (audience is null or audience = cast(:partner as uuid))
				  and (cardinality(:types::text[]) = 0 or type = any(:types::text[]))
				order by public_seq limit :limit""")
			.param("after", after)
			.param("partner", partner.orElse(null))
			.param("types", types.toArray(String[]::new))
			.param("limit", limit + 1)
			.query((rs, row) -> new Entry(rs.getLong("public_seq"), rs.getString("envelope")))
			.list();
		boolean more = entries.size() > limit;
		List<Entry> shown = more ? entries.subList(0, limit) : entries;
		long last = shown.isEmpty() ? after : shown.get(shown.size() - 1).position();
		return new Page(List.copyOf(shown), last, more);
	}

	private static String[] strings(JsonNode values) {
		List<String> result = new ArrayList<>();
		if (values.isArray()) {
			values.forEach(value -> {
				if (value.isString()) {
					result.add(value.asString());
				}
			});
		}
		return result.toArray(String[]::new);
	}

	/** A logged event: its position in the public log and the CloudEvent as sent. */
	public record Entry(long position, String envelope) {
	}

	/**
	 * @param entries the events, oldest first
	 * @param last the position to continue after (the request's when the page is empty)
	 * @param more whether more events were already there
	 */
	public record Page(List<Entry> entries, long last, boolean more) {
	}

}
