package org.biochemsec2030.network.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.network.Api;
import org.biochemsec2030.network.Applicants;
import org.biochemsec2030.network.NetworkServiceTest;
import org.awaitility.Awaitility;
import org.biochemsec2030.platform.test.Mail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applying to join through the form and the API, and confirming the address by the link
 * read from the real mailbox.
 */
@NetworkServiceTest
class ApplyToJoinIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Applications applications;

	@Test
	void anApplicantConfirmsTheirAddressByTheMailedLinkAndReachesTheQueue() {
		String email = Applicants.uniqueEmail("rosalind");
		Api.Response sent = Api.anonymous(this.port).form("/network/apply", Applicants.form(email));
		assertThat(sent.status()).as(sent.body()).isEqualTo(302);
		assertThat(sent.header("Location")).isEqualTo("/network/apply/sent");
		assertThat(Api.anonymous(this.port).page("/network/apply/sent").body()).contains("Check your inbox");

		String link = verificationLink(email);
		Api.Response confirmed = Api.anonymous(this.port).page(link);
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(Jsoup.parse(confirmed.body()).select("main h1").text()).isEqualTo("Your address is confirmed");
		Api.Response again = Api.anonymous(this.port).page(link);
		assertThat(Jsoup.parse(again.body()).select("main").text()).contains("already confirmed");

		Document queue = Jsoup.parse(new Api(this.port, "coordinator").page("/admin/network?q=" + email).body());
		assertThat(queue.select("td a").text()).isEqualTo("Rosalind Franklin");
		JsonNode listed = new Api(this.port, "coordinator")
			.get("/api/network/v1/applications?status=pending&q=" + email)
			.json();
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).path("orcid").asString()).isEqualTo("0000-0002-1825-0097");
		assertThat(listed.get(0).path("interests").toString()).contains("synthetic-biology", "detection-verification");
		JsonNode detail = new Api(this.port, "coordinator")
			.get("/api/network/v1/applications/" + listed.get(0).path("id").asString())
			.json();
		assertThat(values(detail.path("consents"), "purpose")).containsExactly("directory", "digests");
		assertThat(detail.path("consents").get(0).path("textVersion").asString()).isEqualTo("2026-12-01");
		assertThat(detail.path("consents").get(0).path("givenHow").asString()).isEqualTo("application form");
	}

	@Test
	void aFormThatNeedsFixingComesBackWithAMessageBesideEachFieldAndEverythingTyped() {
		String email = Applicants.uniqueEmail("typo");
		var form = Applicants.with(Applicants.with(Applicants.form(email), "orcid", "0000-0002-1825-0098"),
				"codeOfConduct", null);
		Api.Response response = Api.anonymous(this.port).form("/network/apply", form);
		assertThat(response.status()).isEqualTo(400);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("#orcid-error").text()).contains("not a valid ORCID iD");
		assertThat(page.select("#codeOfConduct-error").text()).contains("Agree to the code of conduct");
		assertThat(page.select("input[name=orcid]").val()).isEqualTo("0000-0002-1825-0098");
		assertThat(page.select("input[name=email]").val()).isEqualTo(email);
		assertThat(page.select("textarea[name=statement]").text()).contains("protein structures");
		assertThat(page.select("input[name=interests][checked]").eachAttr("value")).containsExactly("synthetic-biology",
				"detection-verification");
		assertThat(page.select("select[name=country] option[selected]").val()).isEqualTo("GB");
		assertThat(page.select("input[name=consents][checked]").eachAttr("value")).contains("directory:2026-12-01");
		assertThat(Mail.inbox(email)).isEmpty();
	}

	@Test
	void theApiAnswersProblemDetailsNamingEachField() {
		Map<String, Object> body = new java.util.HashMap<>(Applicants.json("not-an-address"));
		body.put("interests", List.of("astrology"));
		body.put("consents", List.of(Map.of("purpose", "directory", "version", "2020-01-01")));
		Api.Response response = Api.anonymous(this.port).post("/api/network/v1/applications", body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(values(response.json().path("errors"), "field")).contains("email", "interests", "consents");
		assertThat(Api.anonymous(this.port).post("/api/network/v1/applications", "{not json").status()).isEqualTo(400);
	}

	@Test
	void theSameApplicationSentTwiceIsOneApplicationAndOneMail() {
		String email = Applicants.uniqueEmail("twice");
		String key = UUID.randomUUID().toString();
		for (int i = 0; i < 2; i++) {
			Api.Response response = Api.anonymous(this.port)
				.post("/api/network/v1/applications", Applicants.json(email), Map.of("Idempotency-Key", key));
			assertThat(response.status()).isEqualTo(202);
		}
		Mail.await(email, m -> m.subject().startsWith("Confirm your address"), Duration.ofSeconds(30));
		assertThat(countFor(email)).isEqualTo(1);
		// Sent without the key, it gets a fresh link. Mail leaves in the order it was
		// queued, so once that one is in, a second mail from the repeated request would
		// be too.
		Api.anonymous(this.port).post("/api/network/v1/applications", Applicants.json(email));
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Mail.inbox(email).size() >= 2);
		assertThat(Mail.inbox(email)).hasSize(2);
		assertThat(countFor(email)).isEqualTo(1);
	}

	@Test
	void aSecondApplicationForAConfirmedAddressIsAnsweredKindlyByMailAndMakesNothing() {
		String email = Applicants.uniqueEmail("pending");
		Api.anonymous(this.port).form("/network/apply", Applicants.form(email));
		Api.anonymous(this.port).page(verificationLink(email));
		Api.Response again = Api.anonymous(this.port).form("/network/apply", Applicants.form(email));
		assertThat(again.header("Location")).isEqualTo("/network/apply/sent");
		Mail.Message note = Mail.await(email, m -> m.subject().equals("Your application is with a coordinator"),
				Duration.ofSeconds(30));
		assertThat(note.text()).contains("no need to apply again");
		assertThat(countFor(email)).isEqualTo(1);
	}

	@Test
	void anUnconfirmedApplicationExpiresAndItsLinkThenSaysSo() {
		String email = Applicants.uniqueEmail("late");
		Api.anonymous(this.port).form("/network/apply", Applicants.form(email));
		String link = verificationLink(email);
		assertThat(this.applications.expireUnconfirmed(Instant.now().plus(Duration.ofHours(71)))).isZero();
		assertThat(countFor(email)).isEqualTo(1);
		assertThat(this.applications.expireUnconfirmed(Instant.now().plus(Duration.ofHours(73)))).isPositive();
		assertThat(countFor(email)).isZero();
		Api.Response expired = Api.anonymous(this.port).page(link);
		assertThat(expired.status()).isEqualTo(410);
		assertThat(Jsoup.parse(expired.body()).select(".problem").text()).contains("not valid any more");
	}

	@Test
	void onlyStaffReadTheQueue() {
		assertThat(Api.anonymous(this.port).get("/api/network/v1/applications").status()).isEqualTo(401);
		assertThat(new Api(this.port, "member").get("/api/network/v1/applications").status()).isEqualTo(403);
		assertThat(new Api(this.port, "member").page("/admin/network").status()).isEqualTo(403);
		assertThat(new Api(this.port, "admin").page("/admin/network").status()).isEqualTo(200);
		assertThat(new Api(this.port, "coordinator").page("/admin/network?status=nonsense").status()).isEqualTo(400);
	}

	static List<String> values(JsonNode array, String field) {
		List<String> values = new java.util.ArrayList<>();
		array.forEach(item -> values.add(item.path(field).asString()));
		return values;
	}

	private long countFor(String email) {
		return this.jdbc.sql("select count(*) from application where email = ?")
			.param(email)
			.query(Long.class)
			.single();
	}

	static String verificationLink(String email) {
		return Applicants.verificationLink(email);
	}

}
