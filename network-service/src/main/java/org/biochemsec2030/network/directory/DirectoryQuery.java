package org.biochemsec2030.network.directory;

import java.util.ArrayList;
import java.util.List;

import org.biochemsec2030.network.application.Countries;
import org.biochemsec2030.network.support.InvalidInput;
import org.biochemsec2030.platform.taxonomy.Topic;

/**
 * The filters of a directory search as a reader gives them, checked at the edge: a topic
 * of the taxonomy, a country code, and at most 200 characters of text.
 */
record DirectoryQuery(String q, String topic, String discipline, String country) {

	static DirectoryQuery of(String q, String topic, String discipline, String country) {
		DirectoryQuery query = new DirectoryQuery(blankToNull(q), blankToNull(topic), blankToNull(discipline),
				blankToNull(country));
		List<InvalidInput.FieldProblem> problems = new ArrayList<>();
		if (query.q() != null && query.q().length() > 200) {
			problems.add(new InvalidInput.FieldProblem("q", "Search for at most 200 characters"));
		}
		if (query.discipline() != null && query.discipline().length() > 100) {
			problems.add(new InvalidInput.FieldProblem("discipline", "Give at most 100 characters"));
		}
		if (query.topic() != null && Topic.bySlug(query.topic()).isEmpty()) {
			problems.add(new InvalidInput.FieldProblem("topic", "Choose a topic from the list"));
		}
		if (query.country() != null && !Countries.isCountry(query.country())) {
			problems.add(new InvalidInput.FieldProblem("country", "Choose a country from the list"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		// The taxonomy's own spelling of the topic, as profiles store it.
		return (query.topic() != null) ? new DirectoryQuery(query.q(), Topic.bySlug(query.topic()).orElseThrow().slug(),
				query.discipline(), query.country()) : query;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
