package org.biochemsec2030.tracker.suggestion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.biochemsec2030.contracts.EventType;
import org.biochemsec2030.contracts.network.MemberErased;
import org.biochemsec2030.contracts.network.NetworkEvents;
import org.biochemsec2030.platform.test.Engines;
import org.biochemsec2030.tracker.Api;
import org.biochemsec2030.tracker.TrackerServiceTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Members suggest sources through the form, linked to them; the network's
 * {@code member.erased}, sent to Kafka as the network sends it (its golden sample,
 * twice), anonymises that member's suggestions and no one else's.
 */
@TrackerServiceTest
class SuggestionIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMembersSuggestionsAreLinkedToThemUntilTheyAreErased() throws IOException {
		Api member = new Api(this.port, "member");
		Api analyst = new Api(this.port, "analyst");
		String key = UUID.randomUUID().toString().substring(0, 8);

		Api.Answer unfinished = member.form("/tracker/suggest",
				List.of(Map.entry("url", "journal.example/feed"), Map.entry("reason", "")));
		assertThat(unfinished.status()).isEqualTo(400);
		Document form = Jsoup.parse(unfinished.body());
		assertThat(form.select("#url-error").text()).contains("starting with https://");
		assertThat(form.select("#reason-error").text()).contains("why analysts should follow it");
		assertThat(form.select("input[name=url]").val()).isEqualTo("journal.example/feed");
		assertThat(Api.anonymous(this.port)
			.form("/tracker/suggest", List.of(Map.entry("url", "https://a.example/"), Map.entry("reason", "x")))
			.status()).isEqualTo(401);

		String memberUrl = "https://suggested-" + key + ".example/feed.xml";
		Api.Answer sent = member.form("/tracker/suggest",
				List.of(Map.entry("url", memberUrl), Map.entry("reason", "Covers protein design closely.")));
		assertThat(sent.status()).as(sent.body()).isEqualTo(302);
		assertThat(sent.location()).endsWith("/tracker/suggest?done=thanks");
		String analystUrl = "https://suggested-by-staff-" + key + ".example/feed.xml";
		assertThat(analyst
			.form("/tracker/suggest", List.of(Map.entry("url", analystUrl), Map.entry("reason", "A staff tip.")))
			.status()).isEqualTo(302);

		Document admin = Jsoup.parse(analyst.page("/admin/tracker").body());
		assertThat(admin.select("#suggestions + p + table, table").text()).contains(memberUrl)
			.contains("Covers protein design closely.");
		String memberId = memberOf(memberUrl);
		assertThat(memberId).isNotBlank();
		assertThat(member
			.put("/api/tracker/v1/me/watchlist", Map.of("fields", List.of("genome-editing"), "regimes", List.of()))
			.status()).isEqualTo(200);

		// As network-service writes it: its own member id, and the account the tracker
		// knows the member by.
		String networkMemberId = UUID.randomUUID().toString();
		Map<String, Object> erased = JSON.readValue(golden(), Map.class);
		erased.put("memberId", networkMemberId);
		erased.put("accountId", memberId);
		byte[] value = JSON.writeValueAsBytes(erased);
		String eventId = UUID.randomUUID().toString();
		send(eventId, networkMemberId, value);
		send(eventId, networkMemberId, value);

		await().atMost(Duration.ofSeconds(60)).until(() -> memberOf(memberUrl) == null);
		assertThat(this.jdbc
			.sql("select count(*) from source_suggestion where url = ? and member_name is null"
					+ " and anonymised_at is not null")
			.param(memberUrl)
			.query(Long.class)
			.single()).isOne();
		assertThat(memberOf(analystUrl)).isNotNull().isNotEqualTo(memberId);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc
				.sql("select count(*) from event_inbox where consumer = 'tracker-service' and event_id = ?")
				.param(eventId)
				.query(Long.class)
				.single() == 1);
		assertThat(member.get("/api/tracker/v1/me/watchlist").status()).isEqualTo(404);
		Document after = Jsoup.parse(analyst.page("/admin/tracker").body());
		assertThat(after.select("tr:contains(" + memberUrl + ")").text()).contains("a former member (anonymised)");
	}

	private String memberOf(String url) {
		return this.jdbc.sql("select member_id from source_suggestion where url = ?")
			.param(url)
			.query((rs, n) -> rs.getString(1))
			.list()
			.getFirst();
	}

	private static byte[] golden() throws IOException {
		EventType type = NetworkEvents.ALL.stream()
			.filter(t -> t.type().equals(MemberErased.TYPE))
			.findFirst()
			.orElseThrow();
		try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(type.goldenResource())) {
			return in.readAllBytes();
		}
	}

	/** The event as network-service's relay writes it: a CloudEvent in binary mode. */
	private static void send(String eventId, String subject, byte[] value) {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.kafka().getBootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(NetworkEvents.TOPIC, subject, value);
			Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_source", "/network-service", "ce_type",
					MemberErased.TYPE, "ce_subject", subject, "ce_time", "2026-12-01T10:00:00Z", "content-type",
					"application/json")
				.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
			producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
