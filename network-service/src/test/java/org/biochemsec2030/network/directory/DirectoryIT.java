package org.biochemsec2030.network.directory;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.biochemsec2030.network.Api;
import org.biochemsec2030.network.KeycloakUsers;
import org.biochemsec2030.network.Members;
import org.biochemsec2030.network.NetworkServiceTest;
import org.biochemsec2030.network.SearchEntries;
import org.biochemsec2030.platform.test.Identity;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Profiles and the directory against the real engines: a member signed in through
 * Keycloak edits their profile, each field reaches only whom they allowed (in the
 * directory, on their page and in Elasticsearch), a search never matches on a hidden
 * field, and leaving disables the account and takes them out of directory and search.
 */
@NetworkServiceTest
class DirectoryIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachFieldOfAProfileReachesOnlyWhomItsMemberAllowed() {
		Members.Member rosalind = Members.signedUp(this.port, this.jdbc, "profile");
		Api self = Api.bearer(this.port, rosalind.token());

		// Private by default, made from the application.
		Document first = Jsoup.parse(self.page("/network/me").body());
		assertThat(first.selectFirst("#name").val()).isEqualTo(rosalind.givenName() + " " + rosalind.familyName());
		assertThat(first.selectFirst("#visibility\\.name option[selected]").val()).isEqualTo("private");
		assertThat(self.get("/api/network/v1/me/profile").json().path("listed").asBoolean()).isFalse();

		String name = "Rosalind " + rosalind.familyName();
		String bio = "Crystallographer of secretwordbio" + rosalind.familyName();
		String discipline = "Hidden discipline " + rosalind.familyName();
		List<Map.Entry<String, String>> form = List.of(Map.entry("name", name),
				Map.entry("affiliation", "King's College " + rosalind.familyName()),
				Map.entry("discipline", discipline), Map.entry("country", "GB"),
				Map.entry("topics", "synthetic-biology"), Map.entry("bio", bio),
				Map.entry("orcid", "0000-0002-1825-0098"), Map.entry("visibility.name", "public"),
				Map.entry("visibility.affiliation", "members"), Map.entry("visibility.discipline", "staff"),
				Map.entry("visibility.country", "public"), Map.entry("visibility.topics", "members"),
				Map.entry("visibility.bio", "private"), Map.entry("visibility.orcid", "public"),
				Map.entry("listed", "on"));

		// A wrong ORCID check character: the form again, with the message and what was
		// typed.
		Api.Response refused = self.form("/network/me", form);
		assertThat(refused.status()).isEqualTo(400);
		Document again = Jsoup.parse(refused.body());
		assertThat(again.selectFirst("#orcid-error").text()).contains("check character");
		assertThat(again.selectFirst("#bio").text()).isEqualTo(bio);
		assertThat(again.selectFirst("#visibility\\.discipline option[selected]").val()).isEqualTo("staff");

		List<Map.Entry<String, String>> fixed = form.stream()
			.map(f -> f.getKey().equals("orcid") ? Map.entry("orcid", "0000-0002-1825-0097") : f)
			.toList();
		Api.Response saved = self.form("/network/me", fixed);
		assertThat(saved.status()).isEqualTo(302);
		assertThat(Jsoup.parse(self.page("/network/me?saved").body()).selectFirst("#profile-saved")).isNotNull();

		// A member sees public and members' fields.
		JsonNode asMember = entry(new Api(this.port, "member").get("/api/network/v1/directory?topic=synthetic-biology"),
				rosalind);
		assertThat(asMember.path("name").asString()).isEqualTo(name);
		assertThat(asMember.path("affiliation").asString()).startsWith("King's College");
		assertThat(asMember.path("topics").toString()).contains("ynthetic");
		assertThat(asMember.path("discipline").isNull()).isTrue();
		assertThat(asMember.path("bio").isNull()).isTrue();
		// Staff see what is shown to staff too, never what is private.
		JsonNode asStaff = entry(new Api(this.port, "coordinator").get("/api/network/v1/directory"), rosalind);
		assertThat(asStaff.path("discipline").asString()).isEqualTo(discipline);
		assertThat(asStaff.path("bio").isNull()).isTrue();

		// A search matches only on fields the searcher sees.
		assertThat(ids(new Api(this.port, "member")
			.get("/api/network/v1/directory?discipline=Hidden+discipline+" + rosalind.familyName())))
			.doesNotContain(rosalind.id().toString());
		assertThat(ids(new Api(this.port, "coordinator")
			.get("/api/network/v1/directory?discipline=Hidden+discipline+" + rosalind.familyName())))
			.contains(rosalind.id().toString());
		assertThat(ids(new Api(this.port, "coordinator").get("/api/network/v1/directory?q=secretwordbio")))
			.doesNotContain(rosalind.id().toString());
		assertThat(ids(new Api(this.port, "member")
			.get("/api/network/v1/directory?q=" + rosalind.familyName() + "&country=GB")))
			.contains(rosalind.id().toString());
		assertThat(new Api(this.port, "member").get("/api/network/v1/directory?topic=no-such-topic").status())
			.isEqualTo(400);

		// The page in the directory and the public page.
		Document directory = Jsoup
			.parse(new Api(this.port, "member").page("/network/directory?q=" + rosalind.familyName()).body());
		assertThat(directory.select("#members li").text()).contains(name).doesNotContain(discipline);
		Api.Response publicPage = Api.anonymous(this.port).page("/network/members/" + rosalind.id());
		assertThat(publicPage.status()).isEqualTo(200);
		assertThat(Jsoup.parse(publicPage.body()).select("main").text()).contains(name, "United Kingdom")
			.doesNotContain("King's College", discipline, bio);
		assertThat(Api.anonymous(this.port).get("/api/network/v1/directory").status()).isEqualTo(401);

		// Search holds the public fields only.
		String indexed = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> SearchEntries.of(rosalind.id().toString()), s -> s != null && s.contains(name));
		assertThat(indexed).contains("United Kingdom", "0000-0002-1825-0097")
			.doesNotContain("King's College", discipline, bio, rosalind.email());

		// The consent ledger and the audit trail.
		assertThat(this.jdbc
			.sql("select count(*) from consent where subject_id = ? and purpose = 'directory' and withdrawn_at is null")
			.param(rosalind.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select action from audit_log where target = ?")
			.param("member:" + rosalind.id())
			.query(String.class)
			.list()).contains("profile.updated");
		new Api(this.port, "coordinator").get("/api/network/v1/members/" + rosalind.id());
		assertThat(this.jdbc.sql("select count(*) from audit_log where target = ? and action = 'profile.viewed'")
			.param("member:" + rosalind.id())
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void aMemberWhoLeavesIsDisabledInKeycloakAndGoneFromDirectoryAndSearch() {
		Members.Member leaving = Members.signedUp(this.port, this.jdbc, "leaving");
		Api self = Api.bearer(this.port, leaving.token());
		Api.Response saved = self.put("/api/network/v1/me/profile",
				Map.of("name", "Leaving " + leaving.familyName(), "country", "FR", "topics", List.of("genome-editing"),
						"visibility", Map.of("name", "public", "country", "public"), "listed", true));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> SearchEntries.of(leaving.id().toString()) != null);

		Api.Response left = self.post("/api/network/v1/me/leave", "{}");
		assertThat(left.status()).as(left.body()).isEqualTo(202);

		assertThat(ids(new Api(this.port, "member").get("/api/network/v1/directory?q=" + leaving.familyName())))
			.doesNotContain(leaving.id().toString());
		assertThat(Api.anonymous(this.port).page("/network/members/" + leaving.id()).status()).isEqualTo(404);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> SearchEntries.of(leaving.id().toString()) == null);
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> !KeycloakUsers.named(leaving.email()).get(0).path("enabled").asBoolean());
		assertThatThrownBy(leaving::token).hasMessageContaining("400");
		assertThat(this.jdbc.sql(
				"select topic from event_outbox where aggregate_id = ? and type = 'org.biochemsec2030.network.member.left.v1'")
			.param(leaving.id().toString())
			.query(String.class)
			.list()).containsExactly("bcs.network");
		assertThat(this.jdbc
			.sql("select count(*) from consent where subject_id = ? and purpose = 'directory' and withdrawn_at is null")
			.param(leaving.id())
			.query(Long.class)
			.single()).isZero();
	}

	private static JsonNode entry(Api.Response directory, Members.Member member) {
		assertThat(directory.status()).as(directory.body()).isEqualTo(200);
		for (JsonNode item : directory.json().path("items")) {
			if (item.path("memberId").asString().equals(member.id().toString())) {
				return item;
			}
		}
		throw new AssertionError("Not in the directory: " + member.id() + " in " + directory.body());
	}

	private static List<String> ids(Api.Response directory) {
		assertThat(directory.status()).as(directory.body()).isEqualTo(200);
		List<String> ids = new java.util.ArrayList<>();
		directory.json().path("items").forEach(item -> ids.add(item.path("memberId").asString()));
		return ids;
	}

}
