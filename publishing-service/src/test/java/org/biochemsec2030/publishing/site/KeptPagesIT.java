package org.biochemsec2030.publishing.site;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.platform.test.KeptPages;
import org.biochemsec2030.publishing.Api;
import org.biochemsec2030.publishing.Papers;
import org.biochemsec2030.publishing.PublishingServiceTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.biochemsec2030.publishing.Papers.ok;

/**
 * The public pages of papers and meetings are kept once rendered (platform/pages), and
 * the next anonymous read after a publication, a new version and a withdrawal shows the
 * change on every page that carries the paper: the paper's page, its version's page, the
 * series list and its treaty meeting's page.
 */
@PublishingServiceTest
class KeptPagesIT {

	private static final String PAPERS = "/api/publishing/v1/papers";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void theNextReadAfterEachChangeShowsItOnEveryPageThatCarriesThePaper() throws Exception {
		Api publisher = new Api(this.port, "publisher");
		String meeting = "msp-" + UUID.randomUUID().toString().substring(0, 8);
		ok(publisher.put("/api/publishing/v1/meetings", Papers.meeting(meeting)));
		String meetingPage = "/meetings/" + meeting;
		String title = "Kept pages and cloud labs " + UUID.randomUUID().toString().substring(0, 6);
		for (String path : List.of("/papers", meetingPage)) {
			pages().assertKept(path);
			assertThat(pages().read(path).body()).as(path).doesNotContain(title);
		}

		JsonNode first = Papers.published(publisher, title, meeting);
		String base = PAPERS + "/" + first.get("id").asString();
		String paper = "/papers/" + first.get("slug").asString();
		for (String path : List.of(paper, paper + "/v1", "/papers", meetingPage)) {
			assertThat(pages().read(path).body()).as("after the publication: " + path).contains(title);
		}
		pages().assertKept(paper);

		String revised = title + " revised";
		ok(publisher.post(base + "/versions",
				Map.of("what", List.of("Section 2 updated"), "why", "A new framework was adopted after publication.")));
		ok(publisher.put(base, Papers.paper(revised, meeting)));
		assertThat(pages().read(paper).body()).as("a draft version is not public").doesNotContain(revised);
		cleared(publisher, base);
		ok(publisher.post(base + "/publish"));
		for (String path : List.of(paper, paper + "/v2", "/papers", meetingPage)) {
			assertThat(pages().read(path).body()).as("after the new version: " + path).contains(revised);
		}
		assertThat(pages().read(paper + "/v1").body()).as("the first version stays as it was").doesNotContain(revised);
		HttpResponse<String> citation = HTTP.send(
				pages().request(paper + "/cite.json").setHeader("Accept", "*/*").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(citation.body()).as("after the new version: the citation").contains(revised);
		assertThat(citation.headers().firstValue("ETag")).as("citations are kept too").isPresent();

		String notice = "Withdrawn: the screening figures were misread " + UUID.randomUUID();
		ok(publisher.post(base + "/withdraw", Map.of("notice", notice)));
		assertThat(pages().read(paper).body()).as("after the withdrawal: the paper").contains(notice);
		var entry = Jsoup.parse(pages().read("/papers").body()).select("ul.entries li:has(a[href=" + paper + "])");
		assertThat(entry.select(".eyebrow").text()).as("after the withdrawal: the list").contains("withdrawn");
	}

	@Test
	void tellsTheSiteVersionThatGrowsWithEveryChange() throws Exception {
		long before = pages().version();
		ok(new Api(this.port, "publisher").put("/api/publishing/v1/meetings",
				Papers.meeting("msp-" + UUID.randomUUID().toString().substring(0, 8))));
		assertThat(pages().version()).isGreaterThan(before);
	}

	@Test
	void aSignedInReadIsNeverServedFromTheKeptPages() throws Exception {
		pages().assertKept("/meetings");
		Api.Response signedIn = new Api(this.port, "publisher").page("/meetings");
		assertThat(signedIn.status()).isEqualTo(200);
		assertThat(signedIn.header("ETag")).isNull();
	}

	/** The review steps of a new version, up to the dual-use clearance. */
	private static void cleared(Api publisher, String base) {
		ok(publisher.post(base + "/submit"));
		ok(publisher.post(base + "/review-rounds"));
		Api.Response assigned = publisher.post(base + "/reviewers",
				Map.of("name", "Reviewer", "dueOn", LocalDate.now().plusDays(5).toString()));
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
		ok(publisher.post(base + "/reviewers/" + assigned.json().get("id").asString() + "/review",
				Map.of("recommendation", "ACCEPT")));
		ok(publisher.post(base + "/approve", Map.of()));
		ok(publisher.post(base + "/dual-use", Map.of("decision", "CLEAR", "rationale", "Unchanged in substance.")));
	}

	private KeptPages pages() {
		return new KeptPages(this.port, "publishing");
	}

}
