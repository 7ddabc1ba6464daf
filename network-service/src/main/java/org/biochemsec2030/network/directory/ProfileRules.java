package org.biochemsec2030.network.directory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.biochemsec2030.network.application.Countries;
import org.biochemsec2030.network.application.Orcid;
import org.biochemsec2030.network.support.InvalidInput;
import org.biochemsec2030.platform.taxonomy.Topic;

/** What makes a profile acceptable, each rule with the message that says what to do. */
final class ProfileRules {

	private ProfileRules() {
	}

	record Checked(String name, String affiliation, String discipline, String country, List<String> topics, String bio,
			String orcid, Map<ProfileField, Visibility> visibility, boolean listed) {

	}

	static Checked check(ProfileInput input) {
		List<InvalidInput.FieldProblem> problems = new ArrayList<>();
		String name = text(input.name(), "name", 100, true, problems);
		String affiliation = text(input.affiliation(), "affiliation", 200, false, problems);
		String discipline = text(input.discipline(), "discipline", 100, false, problems);
		String country = text(input.country(), "country", 2, false, problems);
		if (!country.isEmpty() && !Countries.isCountry(country)) {
			problems.add(new InvalidInput.FieldProblem("country", "Choose a country from the list"));
		}
		Set<String> topics = new LinkedHashSet<>();
		for (String topic : input.topics()) {
			if (topic == null || topic.isBlank()) {
				continue;
			}
			java.util.Optional<Topic> known = Topic.bySlug(topic);
			if (known.isEmpty()) {
				problems.add(new InvalidInput.FieldProblem("topics", "Choose topics from the list"));
				break;
			}
			topics.add(known.get().slug());
		}
		String bio = text(input.bio(), "bio", 2000, false, problems);
		String orcid = null;
		if (input.orcid() != null && !input.orcid().isBlank()) {
			orcid = Orcid.parse(input.orcid()).orElse(null);
			if (orcid == null) {
				problems.add(new InvalidInput.FieldProblem("orcid",
						"Check the ORCID iD: it has 16 characters like 0000-0002-1825-0097, and this one's check "
								+ "character does not match"));
			}
		}
		Map<ProfileField, Visibility> visibility = new EnumMap<>(ProfileField.class);
		for (ProfileField field : ProfileField.values()) {
			String code = input.visibility().get(field.code());
			Visibility chosen = (code == null || code.isBlank()) ? Visibility.PRIVATE
					: Visibility.byCode(code.strip()).orElse(null);
			if (chosen == null) {
				problems.add(new InvalidInput.FieldProblem("visibility." + field.code(),
						"Choose who may see this: private, staff, members or public"));
				chosen = Visibility.PRIVATE;
			}
			visibility.put(field, chosen);
		}
		for (String key : input.visibility().keySet()) {
			if (java.util.Arrays.stream(ProfileField.values()).noneMatch(f -> f.code().equals(key))) {
				problems.add(new InvalidInput.FieldProblem("visibility." + key, "There is no such field"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new Checked(name, affiliation, discipline, country, List.copyOf(topics), bio, orcid, visibility,
				Boolean.TRUE.equals(input.listed()));
	}

	private static String text(String value, String field, int max, boolean required,
			List<InvalidInput.FieldProblem> problems) {
		String text = (value != null) ? value.strip() : "";
		if (required && text.isEmpty()) {
			problems.add(new InvalidInput.FieldProblem(field, "Fill in this field"));
		}
		else if (text.length() > max) {
			problems.add(new InvalidInput.FieldProblem(field, "Shorten this to at most " + max + " characters"));
		}
		return text;
	}

}
