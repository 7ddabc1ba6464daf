package org.biochemsec2030.network.digest;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.biochemsec2030.network.application.ConsentLedger;
import org.biochemsec2030.network.application.Consents;
import org.biochemsec2030.network.mail.Mailer;
import org.biochemsec2030.network.meeting.MeetingView;
import org.biochemsec2030.network.meeting.Meetings;
import org.biochemsec2030.network.support.InvalidInput;
import org.biochemsec2030.network.support.NetworkProperties;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.security.AuditLog;
import org.biochemsec2030.platform.taxonomy.Topic;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' digests: the topics and frequency each chose, and the mail made of the news on
 * those topics since their last one (posts, developments and papers announced by the
 * other services, and the network's coming meetings), with the developments their
 * watchlist in the tracker asked for. Each digest carries a one-click unsubscribe (RFC
 * 8058: {@code List-Unsubscribe} with an https link, and {@code List-Unsubscribe-Post}),
 * which ends the digest and withdraws the consent.
 */
@Service
public class Digests {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Meetings meetings;

	private final Mailer mailer;

	private final ConsentLedger consents;

	private final AuditLog audit;

	private final NetworkProperties properties;

	private final Clock clock;

	Digests(JdbcClient jdbc, Meetings meetings, Mailer mailer, ConsentLedger consents, AuditLog audit,
			NetworkProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.mailer = mailer;
		this.consents = consents;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	public Optional<DigestView> mine(UUID memberId) {
		return this.jdbc
			.sql("select topics, frequency, subscribed_at, last_sent_at from digest_subscription where member_id = ?")
			.param(memberId)
			.query((rs, n) -> new DigestView(strings(rs.getArray("topics")), rs.getString("frequency"),
					rs.getTimestamp("subscribed_at").toInstant(),
					(rs.getTimestamp("last_sent_at") != null) ? rs.getTimestamp("last_sent_at").toInstant() : null))
			.optional();
	}

	/** Starts or changes the member's digest; an empty list of topics ends it. */
	@Transactional
	public Optional<DigestView> choose(UUID memberId, DigestInput input, Actor actor) {
		List<InvalidInput.FieldProblem> problems = new ArrayList<>();
		Set<String> topics = new LinkedHashSet<>();
		for (String topic : input.topics()) {
			Optional<Topic> known = Topic.bySlug(topic);
			if (known.isEmpty()) {
				problems.add(new InvalidInput.FieldProblem("topics", "Choose topics from the list"));
				break;
			}
			topics.add(known.get().slug());
		}
		Optional<Frequency> frequency = Frequency.byCode(input.frequency());
		if (frequency.isEmpty()) {
			problems.add(new InvalidInput.FieldProblem("frequency", "Choose daily, weekly or monthly"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Instant now = this.clock.instant();
		if (topics.isEmpty()) {
			end(memberId, now);
			this.audit.record(actor, "digest.ended", "member:" + memberId, Map.of());
			return Optional.empty();
		}
		this.jdbc.sql("""
				insert into digest_subscription (member_id, topics, frequency, unsubscribe_token, subscribed_at)
				values (?, ?, ?, ?, ?)
				on conflict (member_id) do update set topics = excluded.topics, frequency = excluded.frequency
				""")
			.params(memberId, topics.toArray(String[]::new), frequency.get().code(), newToken(), Timestamp.from(now))
			.update();
		this.consents.give(memberId, Consents.Purpose.DIGESTS, "digest settings", now);
		this.audit.record(actor, "digest.chosen", "member:" + memberId, Map.of("frequency", frequency.get().code()));
		return mine(memberId);
	}

	/**
	 * Ends the digest whose unsubscribe link this is; true if there was one. The same
	 * link used again finds nothing and changes nothing.
	 */
	@Transactional
	public boolean unsubscribe(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return false;
		}
		Optional<UUID> member = this.jdbc.sql("select member_id from digest_subscription where unsubscribe_token = ?")
			.param(token)
			.query(UUID.class)
			.optional();
		member.ifPresent(id -> {
			end(id, this.clock.instant());
			this.audit.record(Actor.system("one-click-unsubscribe"), "digest.unsubscribed", "member:" + id, Map.of());
		});
		return member.isPresent();
	}

	/**
	 * Ends the member's digest and deletes the watchlist alerts kept for it (leaving,
	 * erasure): what a member watched is theirs.
	 */
	@Transactional
	public void forget(UUID memberId) {
		end(memberId, this.clock.instant());
		this.jdbc.sql("delete from digest_watchlist_alert where member_id = ?").param(memberId).update();
	}

	private void end(UUID memberId, Instant now) {
		if (this.jdbc.sql("delete from digest_subscription where member_id = ?").param(memberId).update() > 0) {
			this.consents.withdraw(memberId, Consents.Purpose.DIGESTS, now);
		}
	}

	@Scheduled(fixedDelayString = "${bcs.network.digests.interval:15m}")
	void sendDueNow() {
		sendDue(this.clock.instant());
	}

	private record Due(UUID memberId, String email, List<String> topics, String frequency, String token,
			Instant since) {

	}

	/**
	 * Queues the digests due at {@code now}: each member's period has passed since their
	 * last (or since they subscribed). A digest with nothing new is not sent, but its
	 * period starts again. Members are taken under locks other replicas skip, and the
	 * mail is queued in the same transaction that records it as sent, so each digest goes
	 * once. Returns how many were queued.
	 */
	@Transactional
	public int sendDue(Instant now) {
		List<Due> due = new ArrayList<>();
		for (Frequency frequency : Frequency.values()) {
			Instant before = now.minus(frequency.period());
			due.addAll(this.jdbc.sql("""
					select d.member_id, m.email, d.topics, d.frequency, d.unsubscribe_token,
					       coalesce(d.last_sent_at, d.subscribed_at) as since
					  from digest_subscription d join member m on m.id = d.member_id
					 where m.status = 'active' and d.frequency = ? and coalesce(d.last_sent_at, d.subscribed_at) <= ?
					 limit 200
					 for update of d skip locked
					""")
				.params(frequency.code(), Timestamp.from(before))
				.query((rs, n) -> new Due(rs.getObject("member_id", UUID.class), rs.getString("email"),
						strings(rs.getArray("topics")), rs.getString("frequency"), rs.getString("unsubscribe_token"),
						rs.getTimestamp("since").toInstant()))
				.list());
		}
		int sent = 0;
		for (Due digest : due) {
			String body = body(digest, now);
			if (body != null) {
				String unsubscribe = this.properties.link("/network/digests/unsubscribe?token=" + digest.token());
				this.mailer.queue(digest.email(), "Your " + digest.frequency() + " digest from the network", body,
						Map.of("List-Unsubscribe", "<" + unsubscribe + ">", "List-Unsubscribe-Post",
								"List-Unsubscribe=One-Click"));
				sent++;
			}
			this.jdbc.sql("update digest_subscription set last_sent_at = ? where member_id = ?")
				.params(Timestamp.from(now), digest.memberId())
				.update();
		}
		return sent;
	}

	private record Item(String kind, String itemId, String title, String summary, String url) {

	}

	private record Alert(String developmentId, String title, String summary, String url) {

	}

	/**
	 * The digest's text, or null when nothing is new on the member's topics or their
	 * watchlist. A development their watchlist asked for comes under "From your
	 * watchlist" whatever their topics, and only there.
	 */
	private String body(Due digest, Instant now) {
		List<Alert> alerts = this.jdbc.sql("""
				select distinct on (development_id) development_id, title, summary, url from digest_watchlist_alert
				 where member_id = ? and received_at > ? and received_at <= ?
				 order by development_id, published_at desc limit 100
				""")
			.params(digest.memberId(), Timestamp.from(digest.since()), Timestamp.from(now))
			.query(Alert.class)
			.list();
		Set<String> watched = new LinkedHashSet<>(alerts.stream().map(Alert::developmentId).toList());
		List<Item> items = this.jdbc.sql("""
				select kind, item_id, title, summary, url from digest_item
				 where received_at > ? and received_at <= ? and topics && cast(? as text[])
				 order by kind, published_at desc limit 100
				""")
			.params(Timestamp.from(digest.since()), Timestamp.from(now), digest.topics().toArray(String[]::new))
			.query(Item.class)
			.list()
			.stream()
			.filter(i -> !("development".equals(i.kind()) && watched.contains(i.itemId())))
			.toList();
		List<MeetingView> meetings = this.meetings.scheduledSince(digest.since(), now)
			.stream()
			.filter(m -> m.topics().stream().anyMatch(digest.topics()::contains))
			.toList();
		if (items.isEmpty() && meetings.isEmpty() && alerts.isEmpty()) {
			return null;
		}
		StringBuilder text = new StringBuilder("Hello,\n\nhere is what is new on your topics (")
			.append(String.join(", ",
					digest.topics().stream().flatMap(t -> Topic.bySlug(t).stream()).map(Topic::label).toList()))
			.append(").\n");
		if (!alerts.isEmpty()) {
			text.append("\nFrom your watchlist\n");
			alerts.forEach(a -> {
				text.append("- ").append(a.title()).append("\n");
				if (!a.summary().isBlank()) {
					text.append("  ").append(a.summary().strip().replaceAll("\\s+", " ")).append("\n");
				}
				text.append("  ").append(this.properties.link(a.url())).append("\n");
			});
		}
		for (String kind : List.of("post", "development", "paper")) {
			List<Item> ofKind = items.stream().filter(i -> i.kind().equals(kind)).toList();
			if (!ofKind.isEmpty()) {
				text.append("\n").append(HEADINGS.get(kind)).append("\n");
				ofKind.forEach(i -> text.append("- ")
					.append(i.title())
					.append("\n  ")
					.append(this.properties.link(i.url()))
					.append("\n"));
			}
		}
		if (!meetings.isEmpty()) {
			text.append("\nMeetings of the network\n");
			meetings.forEach(m -> text.append("- ")
				.append(m.title())
				.append(", ")
				.append(m.localStart())
				.append(" (")
				.append(m.timeZone())
				.append(")\n  ")
				.append(this.properties.link(m.url()))
				.append("\n"));
		}
		text.append("\nChange your topics or stop these digests at ")
			.append(this.properties.link("/network/me/digests"))
			.append(", or unsubscribe with one click: ")
			.append(this.properties.link("/network/digests/unsubscribe?token=" + digest.token()))
			.append("\n");
		return text.toString();
	}

	private static final Map<String, String> HEADINGS = Map.of("post", "On the blog", "development",
			"Developments tracked", "paper", "Briefing papers");

	private static String newToken() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static List<String> strings(Array array) throws java.sql.SQLException {
		return (array == null) ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
