package org.biochemsec2030.tracker.publication;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import org.biochemsec2030.tracker.Analysis;
import org.biochemsec2030.tracker.Api;
import org.biochemsec2030.tracker.Developments;
import org.biochemsec2030.tracker.TrackerServiceTest;
import org.biochemsec2030.tracker.development.DevelopmentView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracker's Atom feed, read back with ROME (the library ingestion reads feeds with):
 * published developments only, each as the gate's public view, so a hazard-flagged one
 * carries its reviewed public summary and nothing of the analysts' text or evidence.
 */
@TrackerServiceTest
@Import(Developments.class)
class TrackerFeedIT {

	@LocalServerPort
	int port;

	@Autowired
	Developments developments;

	@Test
	void listsPublishedDevelopmentsWithOnlyWhatTheGateLetsOut() throws Exception {
		String marker = "feedmarker" + UUID.randomUUID().toString().substring(0, 8);
		Api analyst = new Api(this.port, "analyst");
		Api admin = new Api(this.port, "admin");
		Api reader = Api.anonymous(this.port);

		DevelopmentView open = this.developments.of("Feed fixture: paper-based sensor reads toxin levels by phone",
				"A field test of the sensor.");
		Analysis.assess(analyst, open, 6, "detection-verification", List.of("BWC-VII", "CWC-VA"), "Piloted.");
		Analysis.publish(analyst, open, "Phone-read sensors for toxins in the field.");

		DevelopmentView hazardous = this.developments.of(
				"Feed fixture: enhancement protocol posted to a preprint server",
				"The preprint lists " + marker + " in its methods.");
		String gate = Analysis.gate(hazardous);
		analyst.put("/api/tracker/v1/analysis/developments/" + hazardous.id(),
				Map.of("title", "Feed fixture: a preprint of concern", "summary", "Internal: relies on " + marker));
		Analysis.assess(analyst, hazardous, 3, "synthetic-biology", List.of("BWC-I"), "Rationale naming " + marker);
		analyst.post(gate + "/hazard", Map.of("hazard", true));
		String publicSummary = "Feed fixture: a preprint of concern, followed by the tracker while it is reviewed.";
		analyst.put(gate + "/public-summary", Map.of("publicSummary", publicSummary));
		assertThat(admin.post(gate + "/public-summary/review", "").status()).isEqualTo(200);
		assertThat(admin.post(gate + "/publish", "").status()).isEqualTo(200);

		DevelopmentView draft = this.developments.of("Feed fixture: unpublished draft about cloud labs",
				"Not yet assessed.");

		Api.Answer answer = reader.get("/tracker/feed.atom");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.contentType()).startsWith("application/atom+xml");
		assertThat(answer.body()).doesNotContain(marker).doesNotContain("Internal:");
		SyndFeed feed = new SyndFeedInput().build(new StringReader(answer.body()));
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getLinks()).extracting(SyndLink::getRel).contains("self", "alternate");

		SyndEntry openEntry = entry(feed, open);
		assertThat(openEntry.getTitle()).isEqualTo("Feed fixture: paper-based sensor reads toxin levels by phone");
		assertThat(openEntry.getLink()).endsWith("/tracker/" + open.slug()).startsWith("http");
		assertThat(openEntry.getCategories()).extracting(SyndCategory::getName)
			.contains("detection-verification", "BWC", "CWC");
		assertThat(openEntry.getPublishedDate()).isNotNull();

		SyndEntry hazardEntry = entry(feed, hazardous);
		assertThat(hazardEntry.getTitle()).isEqualTo("Feed fixture: a preprint of concern");
		assertThat(hazardEntry.getDescription().getValue()).isEqualTo(publicSummary);
		assertThat(hazardEntry.getAuthors()).isNotEmpty();
		assertThat(feed.getEntries()).extracting(SyndEntry::getUri).doesNotContain("urn:uuid:" + draft.id());

		// Readers' feed software finds it from the tracker's page.
		assertThat(reader.page("/tracker").body()).contains("<link rel=\"alternate\" type=\"application/atom+xml\"")
			.contains("href=\"/tracker/feed.atom\"");
	}

	private static SyndEntry entry(SyndFeed feed, DevelopmentView development) {
		return feed.getEntries()
			.stream()
			.filter(entry -> ("urn:uuid:" + development.id()).equals(entry.getUri()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no entry for " + development.slug()));
	}

}
