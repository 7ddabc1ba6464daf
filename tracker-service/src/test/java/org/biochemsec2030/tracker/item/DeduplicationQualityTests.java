package org.biochemsec2030.tracker.item;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision and recall of de-duplication on the labelled fixtures
 * ({@code dedup/labelled-items.tsv}), counted over pairs: a pair of reports is a true
 * positive when the rule put them in one item and the label says they are one article.
 * The rule is run exactly as ingestion runs it, report after report against what is
 * stored so far.
 */
class DeduplicationQualityTests {

	record Labelled(String cluster, String title, String link, String doi, LocalDate published) {
	}

	@Test
	void findsAlmostEveryDuplicateAndMergesAlmostNothingElse() throws IOException {
		List<Labelled> rows = fixtures();
		InMemoryItems items = new InMemoryItems();
		List<UUID> assigned = new ArrayList<>();
		for (Labelled row : rows) {
			String doi = Doi.find(row.link(), null, null).orElse(row.doi().isEmpty() ? null : row.doi().toLowerCase());
			assigned.add(items.ingest(row.link(), doi, row.title(),
					row.published().atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		int truePositives = 0;
		int falsePositives = 0;
		int falseNegatives = 0;
		List<String> mistakes = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			for (int j = i + 1; j < rows.size(); j++) {
				boolean same = rows.get(i).cluster().equals(rows.get(j).cluster());
				boolean merged = Objects.equals(assigned.get(i), assigned.get(j));
				if (same && merged) {
					truePositives++;
				}
				else if (merged) {
					falsePositives++;
					mistakes.add("merged:  " + rows.get(i).title() + " / " + rows.get(j).title());
				}
				else if (same) {
					falseNegatives++;
					mistakes.add("missed:  " + rows.get(i).title() + " / " + rows.get(j).title());
				}
			}
		}
		double precision = (double) truePositives / (truePositives + falsePositives);
		double recall = (double) truePositives / (truePositives + falseNegatives);
		long clusters = rows.stream().map(Labelled::cluster).distinct().count();
		System.out.printf(
				"De-duplication on %d labelled reports of %d articles: %d items, %d duplicate pairs,"
						+ " precision %.3f, recall %.3f (TP %d, FP %d, FN %d)%n",
				rows.size(), clusters, items.size(), truePositives + falseNegatives, precision, recall, truePositives,
				falsePositives, falseNegatives);
		mistakes.forEach(System.out::println);
		assertThat(precision).as("precision").isGreaterThanOrEqualTo(0.95);
		assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.9);
	}

	static List<Labelled> fixtures() throws IOException {
		List<Labelled> rows = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(DeduplicationQualityTests.class.getResourceAsStream("/dedup/labelled-items.tsv"),
						StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] cells = line.split("\t", -1);
				rows.add(new Labelled(cells[0], cells[1], cells[2], cells[3], LocalDate.parse(cells[4])));
			}
		}
		return rows;
	}

}
