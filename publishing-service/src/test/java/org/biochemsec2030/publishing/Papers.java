package org.biochemsec2030.publishing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Object Mother of papers and treaty meetings, written through the API as staff do. */
public final class Papers {

	private Papers() {
	}

	public static Map<String, Object> meeting(String slug) {
		return Map.of("slug", slug, "name", "Meeting of States Parties to the BWC (" + slug + ")", "regime", "BWC",
				"startsOn", "2026-12-14", "endsOn", "2026-12-16", "place", "Geneva");
	}

	public static Map<String, Object> paper(String title, String meeting) {
		Map<String, Object> paper = new LinkedHashMap<>();
		paper.put("title", title);
		paper.put("abstract", "How screening of synthetic DNA orders can inform the S&T review of the BWC.");
		paper.put("body", """
				## Why screening matters

				Providers screen orders against sequences of concern.[^1]

				| Measure | Regime |
				|---|---|
				| Screening | BWC Article IV |

				[^1]: International Gene Synthesis Consortium, Harmonized Screening Protocol v3.
				""");
		paper.put("authors",
				List.of(Map.of("name", "Ada Lovelace", "affiliation", "University of Bath", "orcid",
						"0000-0002-1825-0097"),
						Map.of("name", "Grace Hopper", "affiliation", "King's College London")));
		paper.put("topics", List.of("synthetic-biology", "biosafety-biosecurity-policy"));
		paper.put("regimes", List.of("BWC"));
		paper.put("meeting", meeting);
		paper.put("agendaItem", "Item 6: review of developments in science and technology");
		paper.put("unDocuments", List.of("BWC/MSP/2026/3"));
		paper.put("distributionDeadline", "2026-12-01");
		paper.put("references",
				List.of(Map.of("id", "igsc2024", "type", "report", "title", "Harmonized Screening Protocol v3",
						"author", List.of(Map.of("literal", "International Gene Synthesis Consortium")), "issued",
						Map.of("date-parts", List.of(List.of(2024))))));
		return paper;
	}

	/**
	 * Takes a new paper through review, the dual-use review and publication; returns its
	 * editorial view.
	 */
	public static JsonNode published(Api publisher, String title) {
		String meeting = "msp-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(publisher.put("/api/publishing/v1/meetings", meeting(meeting)).status()).isEqualTo(200);
		return published(publisher, title, meeting);
	}

	/** The same for a paper written for an existing treaty meeting. */
	public static JsonNode published(Api publisher, String title, String meeting) {
		return ok(publisher.post("/api/publishing/v1/papers/" + cleared(publisher, title, meeting) + "/publish"));
	}

	/**
	 * Takes a new paper through review and the dual-use review, ready to publish; returns
	 * its id.
	 */
	public static String cleared(Api publisher, String title, String meeting) {
		Api.Response created = publisher.post("/api/publishing/v1/papers", paper(title, meeting));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		String base = "/api/publishing/v1/papers/" + id;
		ok(publisher.post(base + "/submit"));
		ok(publisher.post(base + "/review-rounds"));
		Api.Response assigned = publisher.post(base + "/reviewers", Map.of("name", "Rosalind Franklin", "affiliation",
				"University of Bristol", "dueOn", LocalDate.now().plusDays(14).toString()));
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
		ok(publisher.post(base + "/reviewers/" + assigned.json().get("id").asString() + "/review",
				Map.of("recommendation", "ACCEPT", "comments", "Clear and useful.")));
		ok(publisher.post(base + "/approve", Map.of()));
		ok(publisher.post(base + "/dual-use", Map.of("decision", "CLEAR", "rationale",
				"Describes policy measures only; no protocol or sequence detail.")));
		return id;
	}

	public static JsonNode ok(Api.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	public static List<String> texts(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(node -> values.add(node.asString()));
		return values;
	}

}
