package org.biochemsec2030.tracker.trends;

import java.time.Instant;
import java.util.List;

import org.biochemsec2030.platform.test.Http;
import org.biochemsec2030.tracker.Analysis;
import org.biochemsec2030.tracker.Api;
import org.biochemsec2030.tracker.Developments;
import org.biochemsec2030.tracker.TrackerServiceTest;
import org.biochemsec2030.tracker.development.DevelopmentView;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trends page and its downloads, counted by PostgreSQL from developments published
 * through the API. The developments here were reported in 2019, a year no other test
 * uses, so their quarters' counts are theirs alone; the heat map, which has no quarters,
 * is compared before and after.
 */
@TrackerServiceTest
@Import(Developments.class)
class TrendsIT {

	@LocalServerPort
	int port;

	@Autowired
	Developments developments;

	@Test
	void countsPublishedDevelopmentsByFieldRegimeAndMaturityPerQuarterTheReportedThem() {
		Api analyst = new Api(this.port, "analyst");
		Api admin = new Api(this.port, "admin");
		Api reader = Api.anonymous(this.port);
		JsonNode heatBefore = reader.get("/tracker/trends/regimes-by-field.json").json();

		DevelopmentView disputed = this.developments.reportedAt(Instant.parse("2019-04-15T09:00:00Z"),
				"Trends fixture: base editor corrects a trait in livestock embryos", "A trial in cattle.",
				"Trends fixture: livestock base editing reported by a second outlet", "The same trial.");
		Analysis.assess(analyst, disputed, 2, "genome-editing", List.of("BWC-IV"), "Early work.");
		Analysis.assess(admin, disputed, 7, "synthetic-biology", List.of("BWC-X", "1540-OP3"), "Close to use.");
		// A second version of the same analyst's assessment replaces the first in the
		// counts.
		Analysis.assess(admin, disputed, 8, "synthetic-biology", List.of("BWC-X", "1540-OP3"), "In use.");
		Analysis.publish(analyst, disputed, "Base editing in livestock moves towards farms.");

		DevelopmentView chemistry = this.developments.reportedAt(Instant.parse("2019-08-01T12:00:00Z"),
				"Trends fixture: flow reactor makes a pharmaceutical intermediate on demand", "A pilot plant.");
		Analysis.assess(analyst, chemistry, 5, "chemical-synthesis", List.of("CWC-VI"), "Piloted.");
		Analysis.publish(analyst, chemistry, "Flow chemistry makes intermediates on demand.");

		DevelopmentView unpublished = this.developments.reportedAt(Instant.parse("2019-05-20T12:00:00Z"),
				"Trends fixture: unpublished gene drive cage trial", "Not yet public.");
		Analysis.assess(analyst, unpublished, 4, "genome-editing", List.of("BWC-IV"), "Caged.");

		JsonNode fields = reader.get("/tracker/trends/fields-by-quarter.json").json();
		// The unpublished development, reported in 2019 Q2 too, is not counted.
		assertThat(count(fields, "genome-editing", "2019-Q2")).isEqualTo(1);
		assertThat(count(fields, "synthetic-biology", "2019-Q2")).isEqualTo(1);
		assertThat(count(fields, "chemical-synthesis", "2019-Q2")).isZero();
		assertThat(count(fields, "chemical-synthesis", "2019-Q3")).isEqualTo(1);
		assertThat(count(fields, "genome-editing", "2019-Q3")).isZero();

		JsonNode maturity = reader.get("/tracker/trends/maturity-by-quarter.json").json();
		// The first version's TRL 7 is replaced by TRL 8: still one in deployment.
		assertThat(count(maturity, "research", "2019-Q2")).isEqualTo(1);
		assertThat(count(maturity, "development", "2019-Q2")).isZero();
		assertThat(count(maturity, "deployment", "2019-Q2")).isEqualTo(1);
		assertThat(count(maturity, "development", "2019-Q3")).isEqualTo(1);

		JsonNode heat = reader.get("/tracker/trends/regimes-by-field.json").json();
		assertThat(count(heat, "BWC", "genome-editing") - count(heatBefore, "BWC", "genome-editing")).isEqualTo(1);
		assertThat(count(heat, "1540", "synthetic-biology") - count(heatBefore, "1540", "synthetic-biology"))
			.isEqualTo(1);
		assertThat(count(heat, "CWC", "chemical-synthesis") - count(heatBefore, "CWC", "chemical-synthesis"))
			.isEqualTo(1);
		assertThat(count(heat, "CWC", "genome-editing") - count(heatBefore, "CWC", "genome-editing")).isZero();

		Http.Response csv = Http.get("http://localhost:" + this.port + "/tracker/trends/fields-by-quarter.csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		List<String> lines = List.of(csv.body().split("\r\n"));
		int column = List.of(lines.getFirst().split(",")).indexOf("2019-Q3");
		assertThat(column).isGreaterThan(1);
		assertThat(lines).filteredOn(line -> line.startsWith("chemical-synthesis,"))
			.singleElement()
			.satisfies(line -> assertThat(line.split(",")[column]).isEqualTo("1"));

		Api.Answer page = reader.page("/tracker/trends");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<title>Trends in tracked developments · Bio-Chemical Security 2030</title>")
			.contains("role=\"img\" ")
			.contains("<title id=\"regimes-by-field-title\">Regimes and fields</title>")
			.contains("<caption>Maturity over time</caption>")
			.contains("<th scope=\"col\">Q3 2019</th>")
			.contains("href=\"/tracker/trends/maturity-by-quarter.csv\"")
			.contains("href=\"/tracker/trends/regimes-by-field.json\"");
		assertThat(reader.get("/tracker/trends/no-such-series.csv").status()).isEqualTo(404);
		assertThat(reader.page("/tracker").body()).contains("href=\"/tracker/trends\"");
	}

	private static int count(JsonNode series, String row, String column) {
		int index = series.path("columns").valueStream().map(JsonNode::asString).toList().indexOf(column);
		assertThat(index).as("column %s", column).isNotNegative();
		for (JsonNode candidate : series.path("rows")) {
			if (candidate.path("key").asString().equals(row)) {
				return candidate.path("counts").get(index).asInt();
			}
		}
		throw new AssertionError("No row " + row + " in " + series.path("id"));
	}

}
