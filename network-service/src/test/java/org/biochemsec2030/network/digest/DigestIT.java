package org.biochemsec2030.network.digest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.biochemsec2030.contracts.EventType;
import org.biochemsec2030.contracts.content.ContentEvents;
import org.biochemsec2030.contracts.content.PostPublished;
import org.biochemsec2030.contracts.publishing.PaperPublished;
import org.biochemsec2030.contracts.publishing.PublishingEvents;
import org.biochemsec2030.contracts.tracker.DevelopmentPublished;
import org.biochemsec2030.contracts.tracker.TrackerEvents;
import org.biochemsec2030.contracts.tracker.WatchlistMatched;
import org.biochemsec2030.network.Api;
import org.biochemsec2030.network.Members;
import org.biochemsec2030.network.NetworkServiceTest;
import org.biochemsec2030.network.meeting.MeetingInput;
import org.biochemsec2030.network.meeting.Meetings;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.test.Engines;
import org.biochemsec2030.platform.test.Mail;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A digest built from the other services' real events on Kafka, read from the member's
 * real mailbox, and ended by its one-click unsubscribe (RFC 8058).
 */
@NetworkServiceTest
class DigestIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Digests digests;

	@Autowired
	Meetings meetings;

	@Test
	void aDigestOfTheMembersTopicsArrivesOnceWithAOneClickUnsubscribe() throws IOException {
		Members.Member member = Members.signedUp(this.port, this.jdbc, "digest");
		Api self = Api.bearer(this.port, member.token());
		assertThat(self.put("/api/network/v1/me/digests", Map.of("topics", List.of("astrology"), "frequency", "daily"))
			.status()).isEqualTo(400);
		Api.Response chosen = self.put("/api/network/v1/me/digests",
				Map.of("topics", List.of("synthetic-biology"), "frequency", "daily"));
		assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);

		String run = UUID.randomUUID().toString().substring(0, 8);
		String postId = UUID.randomUUID().toString();
		String postEvent = UUID.randomUUID().toString();
		byte[] post = golden(ContentEvents.ALL.get(0),
				Map.of("postId", postId, "title", "Post " + run, "topics", List.of("synthetic-biology")));
		// Delivered twice: one item.
		send(ContentEvents.TOPIC, PostPublished.TYPE, postEvent, postId, post);
		send(ContentEvents.TOPIC, PostPublished.TYPE, postEvent, postId, post);
		String paperId = "paper-" + run;
		send(PublishingEvents.TOPIC, PaperPublished.TYPE, UUID.randomUUID().toString(), paperId,
				golden(type(PublishingEvents.ALL, PaperPublished.TYPE),
						Map.of("paperId", paperId, "title", "Paper " + run, "topics", List.of("Synthetic biology"))));
		String developmentId = "development-" + run;
		send(TrackerEvents.TOPIC, DevelopmentPublished.TYPE, UUID.randomUUID().toString(), developmentId,
				golden(type(TrackerEvents.ALL, DevelopmentPublished.TYPE), Map.of("developmentId", developmentId,
						"title", "Development " + run, "topics", List.of("genome-editing"))));
		this.meetings.schedule(new MeetingInput("Meeting " + run, null, "A meeting on synthetic biology.", "",
				List.of(), "2031-02-01T10:00", "2031-02-01T12:00", "Europe/London", "Exeter", null, 20, null,
				List.of("synthetic-biology")), new Actor("test", "test", List.of("coordinator")));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc.sql("select count(*) from digest_item where item_id in (?, ?, ?)")
				.params(postId, paperId, developmentId)
				.query(Long.class)
				.single() == 3);

		Instant later = Instant.now().plus(Duration.ofDays(2));
		this.digests.sendDue(later);
		this.digests.sendDue(later);
		Mail.Message digest = Mail.await(member.email(), m -> m.subject().startsWith("Your daily digest"),
				Duration.ofSeconds(30));
		assertThat(digest.text()).contains("Post " + run, "Paper " + run, "Meeting " + run)
			.doesNotContain("Development " + run);
		assertThat(digest.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
		String unsubscribe = digest.header("List-Unsubscribe");
		assertThat(unsubscribe).startsWith("<https://biochemsec2030.example/network/digests/unsubscribe?token=")
			.endsWith(">");
		assertThat(this.jdbc.sql("select count(*) from mail_outbox where recipient = ? and subject like 'Your daily%'")
			.param(member.email())
			.query(Long.class)
			.single()).isEqualTo(1);

		// The one-click POST a mail client sends: no account, no session.
		String path = unsubscribe.substring(1, unsubscribe.length() - 1).replace("https://biochemsec2030.example", "");
		for (int i = 0; i < 2; i++) {
			Api.Response done = Api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
			assertThat(done.status()).as(done.body()).isEqualTo(200);
		}
		assertThat(self.get("/api/network/v1/me/digests").status()).isEqualTo(404);
		assertThat(this.jdbc
			.sql("select count(*) from consent where subject_id = ? and purpose = 'digests'"
					+ " and withdrawn_at is null")
			.param(member.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aDevelopmentTheMembersWatchlistAskedForIsInTheirNextDigestOnce() throws IOException {
		Members.Member member = Members.signedUp(this.port, this.jdbc, "watchlist");
		Api self = Api.bearer(this.port, member.token());
		assertThat(self
			.put("/api/network/v1/me/digests", Map.of("topics", List.of("synthetic-biology"), "frequency", "daily"))
			.status()).isEqualTo(200);
		// The tracker knows the member by their account id.
		String account = this.jdbc.sql("select keycloak_user_id from member where id = ?")
			.param(member.id())
			.query(String.class)
			.single();

		String run = UUID.randomUUID().toString().substring(0, 8);
		String watchlistId = UUID.randomUUID().toString();
		String developmentId = "watched-" + run;
		EventType matched = type(TrackerEvents.ALL, WatchlistMatched.TYPE);
		// A partner's alert is publishing's to deliver; an account that is no member here
		// gets nothing. Same key as the member's, so they are read before it.
		send(TrackerEvents.TOPIC, WatchlistMatched.TYPE, UUID.randomUUID().toString(), watchlistId,
				golden(matched, Map.of("watchlistId", watchlistId, "ownerKind", "partner", "ownerId", account,
						"developmentId", "partner-" + run, "title", "Partner alert " + run)));
		send(TrackerEvents.TOPIC, WatchlistMatched.TYPE, UUID.randomUUID().toString(), watchlistId,
				golden(matched, Map.of("watchlistId", watchlistId, "ownerKind", "member", "ownerId",
						UUID.randomUUID().toString(), "developmentId", "stranger-" + run, "title", "Stranger " + run)));
		Map<String, Object> alert = Map.of("watchlistId", watchlistId, "ownerKind", "member", "ownerId", account,
				"developmentId", developmentId, "title", "Watched development " + run, "summary",
				"Binders designed by generative models fold as designed.", "url", "/tracker/watched-" + run, "fields",
				List.of("ai-enabled-design"));
		String eventId = UUID.randomUUID().toString();
		// Delivered twice, and announced again under a new event id: one alert.
		send(TrackerEvents.TOPIC, WatchlistMatched.TYPE, eventId, watchlistId, golden(matched, alert));
		send(TrackerEvents.TOPIC, WatchlistMatched.TYPE, eventId, watchlistId, golden(matched, alert));
		String announcedAgain = UUID.randomUUID().toString();
		send(TrackerEvents.TOPIC, WatchlistMatched.TYPE, announcedAgain, watchlistId, golden(matched, alert));
		// The same development announced to everyone, on a topic the member did not
		// choose.
		send(TrackerEvents.TOPIC, DevelopmentPublished.TYPE, UUID.randomUUID().toString(), developmentId,
				golden(type(TrackerEvents.ALL, DevelopmentPublished.TYPE), Map.of("developmentId", developmentId,
						"title", "Watched development " + run, "topics", List.of("ai-enabled-design"))));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc.sql("select count(*) from event_inbox where event_id = ?")
				.param(announcedAgain)
				.query(Long.class)
				.single() > 0
					&& this.jdbc.sql("select count(*) from digest_item where item_id = ?")
						.param(developmentId)
						.query(Long.class)
						.single() == 1);
		assertThat(this.jdbc.sql("select development_id from digest_watchlist_alert where watchlist_id = ?")
			.param(watchlistId)
			.query(String.class)
			.list()).containsExactly(developmentId);

		Instant later = Instant.now().plus(Duration.ofDays(2));
		this.digests.sendDue(later);
		Mail.Message digest = Mail.await(member.email(), m -> m.subject().startsWith("Your daily digest"),
				Duration.ofSeconds(30));
		String text = digest.text();
		assertThat(text)
			.contains("From your watchlist", "Binders designed by generative models fold as designed.",
					"https://biochemsec2030.example/tracker/watched-" + run)
			.doesNotContain("Partner alert " + run, "Stranger " + run);
		assertThat(text.split("Watched development " + run, -1)).as("the development is listed once").hasSize(2);

		// What a member watched goes with them when they leave, and later alerts for
		// their account are dropped.
		Api.Response left = self.post("/api/network/v1/me/leave", "{}");
		assertThat(left.status()).as(left.body()).isEqualTo(202);
		assertThat(this.jdbc.sql("select count(*) from digest_watchlist_alert where member_id = ?")
			.param(member.id())
			.query(Long.class)
			.single()).isZero();
		String afterLeaving = UUID.randomUUID().toString();
		send(TrackerEvents.TOPIC, WatchlistMatched.TYPE, afterLeaving, watchlistId,
				golden(matched, Map.of("watchlistId", watchlistId, "ownerKind", "member", "ownerId", account,
						"developmentId", "late-" + run)));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc.sql("select count(*) from event_inbox where event_id = ?")
				.param(afterLeaving)
				.query(Long.class)
				.single() > 0);
		assertThat(this.jdbc.sql("select count(*) from digest_watchlist_alert where member_id = ?")
			.param(member.id())
			.query(Long.class)
			.single()).isZero();
	}

	private static EventType type(List<EventType> types, String type) {
		return types.stream().filter(t -> t.type().equals(type)).findFirst().orElseThrow();
	}

	/** The producer's golden sample with some fields replaced. */
	private static byte[] golden(EventType type, Map<String, Object> changes) throws IOException {
		try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(type.goldenResource())) {
			@SuppressWarnings("unchecked")
			Map<String, Object> data = Api.JSON.readValue(in.readAllBytes(), Map.class);
			data.putAll(changes);
			return Api.JSON.writeValueAsBytes(data);
		}
	}

	/**
	 * An event as its producer's outbox relay puts it on Kafka (CloudEvents, binary
	 * mode).
	 */
	private static void send(String topic, String type, String eventId, String subject, byte[] value) {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.kafka().getBootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, subject, value);
			for (Map.Entry<String, String> header : Map
				.of("ce_specversion", "1.0", "ce_id", eventId, "ce_source", "/test", "ce_type", type, "ce_subject",
						subject, "ce_time", "2026-12-01T10:00:00Z", "content-type", "application/json")
				.entrySet()) {
				record.headers().add(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8));
			}
			producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
