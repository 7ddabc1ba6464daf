package org.biochemsec2030.publishing.partner;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.biochemsec2030.platform.security.outbound.AddressPolicy;
import org.biochemsec2030.contracts.EventType;
import org.biochemsec2030.contracts.content.ContentEvents;
import org.biochemsec2030.contracts.network.NetworkEvents;
import org.biochemsec2030.contracts.publishing.PublishingEvents;
import org.biochemsec2030.contracts.tracker.TrackerEvents;
import org.biochemsec2030.contracts.tracker.WatchlistMatched;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.security.AuditLog;
import org.biochemsec2030.platform.taxonomy.Taxonomy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners and their endpoints: registration by staff, subscriptions managed by each
 * partner with its own token, secrets shown once and rotated with an overlap, redelivery.
 * A partner only ever sees and changes its own endpoints: every query names the partner.
 */
@Service
public class PartnerEndpoints {

	/**
	 * Every type that may reach partners: the public ones from the producers' catalogues,
	 * and the watchlist alerts each partner gets of its own watchlists (internal, so not
	 * marked partner-facing, but a type a partner may subscribe to or filter out like any
	 * other).
	 */
	static final Set<String> PUBLIC_TYPES = Stream
		.concat(Stream.of(ContentEvents.ALL, NetworkEvents.ALL, TrackerEvents.ALL, PublishingEvents.ALL)
			.flatMap(List::stream)
			.filter(EventType::partnerFacing)
			.map(EventType::type), Stream.of(WatchlistMatched.TYPE))
		.collect(Collectors.toUnmodifiableSet());

	static final String PING_TYPE = "org.biochemsec2030.publishing.partner.ping.v1";

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,63}");

	private static final int MAX_ENDPOINTS = 20;

	private final JdbcClient jdbc;

	private final PartnerProperties properties;

	private final PartnerDeliveries deliveries;

	private final AuditLog audit;

	private final PartnerNotices notices;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	PartnerEndpoints(JdbcClient jdbc, PartnerProperties properties, PartnerDeliveries deliveries, AuditLog audit,
			PartnerNotices notices, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.deliveries = deliveries;
		this.audit = audit;
		this.notices = notices;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	// --- partners (staff) ---

	@Transactional
	public PartnerView register(PartnerRequest request) {
		List<Taxonomy.Problem> problems = new ArrayList<>();
		String name = text("name", request.name(), 200, problems);
		String contact = text("contactEmail", request.contactEmail(), 320, problems);
		if (contact != null && !EMAIL.matcher(contact).matches()) {
			problems.add(new Taxonomy.Problem("contactEmail", "give an email address, e.g. webhooks@partner.example"));
		}
		String clientId = text("clientId", request.clientId(), 255, problems);
		if (clientId != null && !clientId.matches("[A-Za-z0-9._-]+")) {
			problems.add(new Taxonomy.Problem("clientId",
					"give the partner's Keycloak client id (letters, digits, '.', '_' and '-')"));
		}
		InvalidRequest.throwIfAny(problems);
		boolean trusted = Boolean.TRUE.equals(request.trusted());
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		try {
			this.jdbc.sql("""
					insert into partner (id, name, contact_email, client_id, trusted, created_at, created_by)
					values (:id, :name, :contact, :client, :trusted, :now, :by)""")
				.param("id", id)
				.param("name", name)
				.param("contact", contact)
				.param("client", clientId)
				.param("trusted", trusted)
				.param("now", Timestamp.from(now))
				.param("by", Actor.current().map(Actor::name).orElse("system"))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw InvalidRequest.of("clientId", "a partner with the client '" + clientId + "' is registered already");
		}
		this.audit.record("partner.registered", "partner:" + id,
				java.util.Map.of("clientId", clientId, "trusted", trusted));
		return new PartnerView(id, name, contact, clientId, trusted, now);
	}

	public List<PartnerView> partners() {
		return this.jdbc.sql(SELECT_PARTNER + " order by name").query(PartnerEndpoints::partnerView).list();
	}

	public PartnerView partner(UUID id) {
		return this.jdbc.sql(SELECT_PARTNER + " where id = :id")
			.param("id", id)
			.query(PartnerEndpoints::partnerView)
			.optional()
			.orElseThrow(() -> new NotFound("no partner " + id));
	}

	/**
	 * Trust lets a partner receive embargoed events at once. It counts from now: events
	 * already held for the partner until their embargo ends stay held; a partner no
	 * longer trusted gets nothing more before an embargo ends.
	 */
	@Transactional
	public PartnerView trust(UUID id, boolean trusted) {
		partner(id);
		this.jdbc.sql("update partner set trusted = :trusted where id = :id")
			.param("trusted", trusted)
			.param("id", id)
			.update();
		this.audit.record(trusted ? "partner.trusted" : "partner.untrusted", "partner:" + id, java.util.Map.of());
		return partner(id);
	}

	private static final String SELECT_PARTNER = "select id, name, contact_email, client_id, trusted, created_at from partner";

	private static PartnerView partnerView(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new PartnerView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("contact_email"),
				rs.getString("client_id"), rs.getBoolean("trusted"), rs.getTimestamp("created_at").toInstant());
	}

	/** The partner a token's client belongs to. */
	public Optional<UUID> partnerOf(String clientId) {
		return this.jdbc.sql("select id from partner where client_id = :client")
			.param("client", clientId)
			.query(UUID.class)
			.optional();
	}

	// --- endpoints (the partner itself) ---

	@Transactional
	public CreatedEndpoint create(UUID partner, EndpointRequest request) {
		Checked checked = check(request, true);
		int existing = this.jdbc.sql("select count(*) from partner_endpoint where partner_id = :partner")
			.param("partner", partner)
			.query(Integer.class)
			.single();
		if (existing >= MAX_ENDPOINTS) {
			throw InvalidRequest.of("url", "a partner has at most " + MAX_ENDPOINTS
					+ " endpoints; delete one you no longer use, or widen the filters of another");
		}
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.jdbc
			.sql("""
					insert into partner_endpoint (id, partner_id, url, description, event_types, regimes, topics, created_at)
					values (:id, :partner, :url, :description, :types, :regimes, :topics, :now)""")
			.param("id", id)
			.param("partner", partner)
			.param("url", checked.url())
			.param("description", checked.description())
			.param("types", checked.filter().types().toArray(String[]::new))
			.param("regimes", checked.filter().regimes().toArray(String[]::new))
			.param("topics", checked.filter().topics().toArray(String[]::new))
			.param("now", Timestamp.from(now))
			.update();
		SigningSecret secret = addSecret(id, now);
		this.audit.record("partner.endpoint.created", "endpoint:" + id, java.util.Map.of("url", checked.url()));
		return new CreatedEndpoint(endpoint(partner, id), secret.value());
	}

	public List<EndpointView> endpoints(UUID partner) {
		return this.jdbc.sql(SELECT_ENDPOINT + " where partner_id = :partner order by created_at")
			.param("partner", partner)
			.query(PartnerEndpoints::endpointView)
			.list();
	}

	public EndpointView endpoint(UUID partner, UUID id) {
		return this.jdbc.sql(SELECT_ENDPOINT + " where partner_id = :partner and id = :id")
			.param("partner", partner)
			.param("id", id)
			.query(PartnerEndpoints::endpointView)
			.optional()
			.orElseThrow(() -> new NotFound("no endpoint " + id + " of yours"));
	}

	@Transactional
	public EndpointView update(UUID partner, UUID id, EndpointRequest request) {
		endpoint(partner, id);
		Checked checked = check(request, false);
		this.jdbc.sql("""
				update partner_endpoint set url = :url, description = :description, event_types = :types,
				    regimes = :regimes, topics = :topics,
				    enabled = coalesce(cast(:enabled as boolean), enabled),
				    disabled_reason = case when coalesce(cast(:enabled as boolean), enabled) then null
				        else disabled_reason end,
				    failing_since = case when cast(:enabled as boolean) then null else failing_since end
				where id = :id and partner_id = :partner""")
			.param("url", checked.url())
			.param("description", checked.description())
			.param("types", checked.filter().types().toArray(String[]::new))
			.param("regimes", checked.filter().regimes().toArray(String[]::new))
			.param("topics", checked.filter().topics().toArray(String[]::new))
			.param("enabled", request.enabled())
			.param("id", id)
			.param("partner", partner)
			.update();
		this.audit.record("partner.endpoint.updated", "endpoint:" + id, java.util.Map.of("url", checked.url()));
		this.deliveries.wake();
		return endpoint(partner, id);
	}

	@Transactional
	public void delete(UUID partner, UUID id) {
		int deleted = this.jdbc.sql("delete from partner_endpoint where id = :id and partner_id = :partner")
			.param("id", id)
			.param("partner", partner)
			.update();
		if (deleted == 0) {
			throw new NotFound("no endpoint " + id + " of yours");
		}
		this.audit.record("partner.endpoint.deleted", "endpoint:" + id, java.util.Map.of());
	}

	/**
	 * A new secret signs from now on; the one it replaces keeps signing beside it for the
	 * overlap, so the partner can switch its receiver over without missing a delivery.
	 */
	@Transactional
	public RotatedSecret rotate(UUID partner, UUID id) {
		endpoint(partner, id);
		Instant now = this.clock.instant();
		Instant oldUntil = now.plus(this.properties.rotationOverlap());
		this.jdbc.sql("""
				update partner_endpoint_secret set expires_at = :until
				where endpoint_id = :id and (expires_at is null or expires_at > :until)""")
			.param("until", Timestamp.from(oldUntil))
			.param("id", id)
			.update();
		SigningSecret secret = addSecret(id, now);
		this.audit.record("partner.endpoint.secret-rotated", "endpoint:" + id, java.util.Map.of());
		return new RotatedSecret(secret.value(), oldUntil);
	}

	/**
	 * Staff switch an endpoint off (its partner's contact is told, as when it is disabled
	 * for failing) or on again (it starts afresh, as when its partner does it).
	 */
	@Transactional
	public EndpointView switchEndpoint(UUID partner, UUID id, boolean enabled) {
		EndpointView endpoint = endpoint(partner, id);
		if (endpoint.enabled() == enabled) {
			return endpoint;
		}
		String by = Actor.current().map(Actor::name).orElse("staff");
		this.jdbc.sql("""
				update partner_endpoint set enabled = :enabled,
				    disabled_reason = case when :enabled then null else :reason end,
				    failing_since = case when :enabled then null else failing_since end
				where id = :id and partner_id = :partner""")
			.param("enabled", enabled)
			.param("reason", "switched off by the project's publishers (" + by + ")")
			.param("id", id)
			.param("partner", partner)
			.update();
		if (!enabled) {
			this.notices.endpointDisabled(id, "the project's publishers switched it off", null);
		}
		this.audit.record(enabled ? "partner.endpoint.enabled" : "partner.endpoint.disabled", "endpoint:" + id,
				java.util.Map.of());
		this.deliveries.wake();
		return endpoint(partner, id);
	}

	/** How each of a partner's endpoints is doing, by endpoint id. */
	public java.util.Map<UUID, Health> health(UUID partner) {
		java.util.Map<UUID, Health> health = new java.util.LinkedHashMap<>();
		this.jdbc.sql("""
				select p.id,
				       count(d.id) filter (where d.status = 'pending') as pending,
				       count(d.id) filter (where d.status = 'failed') as failed,
				       count(d.id) filter (where d.status = 'delivered') as delivered,
				       max(d.delivered_at) as last_delivered
				from partner_endpoint p left join partner_delivery d on d.endpoint_id = p.id
				where p.partner_id = :partner group by p.id""").param("partner", partner).query((rs, row) -> {
			Timestamp last = rs.getTimestamp("last_delivered");
			return java.util.Map.entry(rs.getObject("id", UUID.class), new Health(rs.getInt("pending"),
					rs.getInt("failed"), rs.getInt("delivered"), (last != null) ? last.toInstant() : null));
		}).list().forEach(entry -> health.put(entry.getKey(), entry.getValue()));
		return health;
	}

	/** Queues one event again, or every failed delivery of events logged since a time. */
	@Transactional
	public int redeliver(UUID partner, UUID id, RedeliveryRequest request) {
		endpoint(partner, id);
		if ((request.eventId() == null) == (request.since() == null)) {
			throw InvalidRequest.of("eventId", "give either eventId (one event) or since (every failed delivery "
					+ "of events logged since that time, e.g. 2026-12-01T00:00:00Z)");
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		int queued;
		if (request.eventId() != null) {
			queued = this.jdbc.sql("""
					insert into partner_delivery (event_seq, endpoint_id, status, next_attempt_at)
					select seq, :endpoint, 'pending', :now from partner_event
					where event_id = :event and (audience is null or audience = :partner)
					on conflict (endpoint_id, event_seq) do update
					    set status = 'pending', attempts = 0, next_attempt_at = :now, leased_until = null""")
				.param("endpoint", id)
				.param("now", now)
				.param("event", request.eventId())
				.param("partner", partner)
				.update();
			if (queued == 0) {
				// Another partner's entry is not found either: the same answer as for an
				// id that was never logged.
				throw new NotFound("no event " + request.eventId() + " in the log");
			}
		}
		else {
			queued = this.jdbc.sql("""
					update partner_delivery d set status = 'pending', attempts = 0, next_attempt_at = :now,
					    leased_until = null
					from partner_event e
					where d.event_seq = e.seq and d.endpoint_id = :endpoint and d.status = 'failed'
					  and e.logged_at >= :since and (e.audience is null or e.audience = :partner)""")
				.param("now", now)
				.param("endpoint", id)
				.param("partner", partner)
				.param("since", Timestamp.from(request.since()))
				.update();
		}
		this.audit.record("partner.endpoint.redelivery", "endpoint:" + id, java.util.Map.of("queued", queued));
		this.deliveries.wake();
		return queued;
	}

	public List<AttemptView> attempts(UUID partner, UUID id, int limit) {
		endpoint(partner, id);
		return this.jdbc.sql("""
				select e.event_id, e.type, a.attempted_at, a.status, a.latency_ms, a.excerpt, a.error
				from partner_attempt a join partner_delivery d on d.id = a.delivery_id
				join partner_event e on e.seq = d.event_seq
				where d.endpoint_id = :id order by a.attempted_at desc, a.id desc limit :limit""")
			.param("id", id)
			.param("limit", Math.max(1, Math.min(limit, 200)))
			.query((rs, row) -> new AttemptView(rs.getObject("event_id", UUID.class), rs.getString("type"),
					rs.getTimestamp("attempted_at").toInstant(), rs.getInt("status"), rs.getInt("latency_ms"),
					rs.getString("excerpt"), rs.getString("error")))
			.list();
	}

	/**
	 * A test event to the endpoint, now, answered with the outcome; not kept in the log.
	 */
	public AttemptView ping(UUID partner, UUID id) {
		EndpointView endpoint = endpoint(partner, id);
		UUID eventId = UUID.randomUUID();
		Instant now = this.clock.instant();
		String envelope = "{\"specversion\":\"1.0\",\"id\":\"" + eventId
				+ "\",\"source\":\"/publishing-service\",\"type\":\"" + PING_TYPE + "\",\"subject\":\"" + id
				+ "\",\"time\":\"" + now + "\",\"datacontenttype\":\"application/json\",\"data\":{\"endpointId\":\""
				+ id + "\"}}";
		WebhookSender.Attempt attempt = this.deliveries.ping(id, endpoint.url(), envelope, eventId.toString());
		return new AttemptView(eventId, PING_TYPE, now, attempt.status(), (int) attempt.latency().toMillis(),
				attempt.excerpt(), attempt.error());
	}

	private SigningSecret addSecret(UUID endpoint, Instant now) {
		SigningSecret secret = SigningSecret.generate(this.random);
		this.jdbc
			.sql("insert into partner_endpoint_secret (endpoint_id, secret, created_at) values (:id, :secret, :now)")
			.param("id", endpoint)
			.param("secret", secret.value())
			.param("now", Timestamp.from(now))
			.update();
		return secret;
	}

	private Checked check(EndpointRequest request, boolean creating) {
		List<Taxonomy.Problem> problems = new ArrayList<>();
		URI url = null;
		try {
			url = this.properties.policy().check(request.url());
		}
		catch (AddressPolicy.Refused ex) {
			problems.add(new Taxonomy.Problem("url", ex.getMessage()));
		}
		String description = (request.description() != null) ? request.description().strip() : "";
		if (description.length() > 500) {
			problems.add(new Taxonomy.Problem("description", "use at most 500 characters"));
		}
		EventFilter filter = EventFilter.of(request.types(), request.regimes(), request.topics(), PUBLIC_TYPES,
				problems);
		InvalidRequest.throwIfAny(problems);
		return new Checked(url.toString(), description, filter);
	}

	private static String text(String field, String value, int max, List<Taxonomy.Problem> problems) {
		String text = (value != null) ? value.strip() : "";
		if (text.isEmpty() || text.length() > max || text.indexOf('\0') >= 0) {
			problems.add(new Taxonomy.Problem(field, "give 1 to " + max + " characters"));
			return null;
		}
		return text;
	}

	private static final String SELECT_ENDPOINT = """
			select id, url, description, event_types, regimes, topics, enabled, disabled_reason, failing_since,
			       created_at
			from partner_endpoint""";

	private static EndpointView endpointView(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp failing = rs.getTimestamp("failing_since");
		return new EndpointView(rs.getObject("id", UUID.class), rs.getString("url"), rs.getString("description"),
				strings(rs.getArray("event_types")), strings(rs.getArray("regimes")), strings(rs.getArray("topics")),
				rs.getBoolean("enabled"), rs.getString("disabled_reason"),
				(failing != null) ? failing.toInstant() : null, rs.getTimestamp("created_at").toInstant());
	}

	private static List<String> strings(java.sql.Array array) throws java.sql.SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

	private record Checked(String url, String description, EventFilter filter) {
	}

	// --- on the wire ---

	/**
	 * @param trusted whether the partner receives embargoed events at once (default no)
	 */
	public record PartnerRequest(String name, String contactEmail, String clientId, Boolean trusted) {
	}

	public record PartnerView(UUID id, String name, String contactEmail, String clientId, boolean trusted,
			Instant createdAt) {
	}

	public record TrustRequest(Boolean trusted) {
	}

	public record EndpointRequest(String url, String description, List<String> types, List<String> regimes,
			List<String> topics, Boolean enabled) {
	}

	public record EndpointView(UUID id, String url, String description, List<String> types, List<String> regimes,
			List<String> topics, boolean enabled, String disabledReason, Instant failingSince, Instant createdAt) {
	}

	/** The only answer that ever shows the secret. */
	public record CreatedEndpoint(EndpointView endpoint, String secret) {
	}

	public record RotatedSecret(String secret, Instant previousSignsUntil) {
	}

	public record RedeliveryRequest(UUID eventId, Instant since) {
	}

	/**
	 * @param pending deliveries still to be made (or retried)
	 * @param failed deliveries that failed for good (redeliverable)
	 * @param delivered deliveries answered with a 2xx
	 * @param lastDelivered the latest of those, or null
	 */
	public record Health(int pending, int failed, int delivered, Instant lastDelivered) {
	}

	public record AttemptView(UUID eventId, String type, Instant attemptedAt, int status, int latencyMs, String excerpt,
			String error) {
	}

	/** An unknown or someone else's endpoint: the same answer for both. */
	static final class NotFound extends RuntimeException {

		NotFound(String message) {
			super(message);
		}

	}

	/** Input that cannot be accepted, with every field's problem. */
	static final class InvalidRequest extends RuntimeException {

		private final List<Taxonomy.Problem> problems;

		InvalidRequest(List<Taxonomy.Problem> problems) {
			super(problems.stream().map(Taxonomy.Problem::message).collect(Collectors.joining("; ")));
			this.problems = List.copyOf(problems);
		}

		static InvalidRequest of(String field, String message) {
			return new InvalidRequest(List.of(new Taxonomy.Problem(field, message)));
		}

		static void throwIfAny(List<Taxonomy.Problem> problems) {
			if (!problems.isEmpty()) {
				throw new InvalidRequest(problems);
			}
		}

		List<Taxonomy.Problem> problems() {
			return this.problems;
		}

	}

}
