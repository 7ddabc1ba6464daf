package org.biochemsec2030.tracker;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.tracker.development.DevelopmentView;

import static org.assertj.core.api.Assertions.assertThat;

/** What analysts do to a development through the API, in one place for every test. */
public final class Analysis {

	private Analysis() {
	}

	/**
	 * An assessment by {@code who}, with measures and a soft measure quoting the
	 * rationale.
	 */
	public static void assess(Api who, DevelopmentView development, int trl, String field, List<String> provisions,
			String rationale) {
		Api.Answer answer = who.post("/api/tracker/v1/analysis/developments/" + development.id() + "/assessments", Map
			.ofEntries(Map.entry("field", field), Map.entry("provisions", provisions),
					Map.entry("implications", List.of("benefit", "verification-opportunity")), Map.entry("trl", trl),
					Map.entry("likelihood", 4), Map.entry("impact", 3), Map.entry("confidence", "high"),
					Map.entry("hardMeasures", List.of("Screening of samples in the field")),
					Map.entry("softMeasures", List.of("Follow-up: " + rationale)), Map.entry("rationale", rationale),
					Map.entry("itemIds", development.itemIds().stream().map(UUID::toString).toList())));
		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
	}

	/** Its public summary written and the development published by {@code who}. */
	public static void publish(Api who, DevelopmentView development, String publicSummary) {
		who.put(gate(development) + "/public-summary", Map.of("publicSummary", publicSummary));
		Api.Answer published = who.post(gate(development) + "/publish", "");
		assertThat(published.status()).as(published.body()).isEqualTo(200);
	}

	public static String gate(DevelopmentView development) {
		return "/api/tracker/v1/analysis/developments/" + development.id() + "/publication";
	}

}
