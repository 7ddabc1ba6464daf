package org.biochemsec2030.network.application;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.biochemsec2030.network.support.InvalidInput;
import org.biochemsec2030.platform.taxonomy.Topic;

/**
 * What makes an application acceptable, in one place for the form and the API: each
 * field's rule and the message that says how to put it right.
 */
final class ApplicationRules {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

	private static final Pattern SUBMISSION = Pattern.compile("[A-Za-z0-9-]{8,64}");

	private ApplicationRules() {
	}

	/** An application that passed every rule, its values trimmed and normalised. */
	record Checked(String givenName, String familyName, String email, String affiliation, String discipline,
			CareerStage careerStage, String country, List<String> interests, String orcid, String statement,
			String codeOfConductVersion, List<Consents.Purpose> consents, String submission) {

	}

	static Checked check(ApplicationInput input) {
		List<InvalidInput.FieldProblem> problems = new ArrayList<>();
		String givenName = text(input.givenName(), "givenName", "your given name", 100, problems);
		String familyName = text(input.familyName(), "familyName", "your family name", 100, problems);
		String email = (input.email() != null) ? input.email().trim().toLowerCase(Locale.ROOT) : "";
		if (email.isEmpty()) {
			problems.add(new InvalidInput.FieldProblem("email", "Enter your email address: we send a link to it"));
		}
		else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
			problems.add(new InvalidInput.FieldProblem("email",
					"Enter an email address like name@example.org: we send a link to it"));
		}
		String affiliation = text(input.affiliation(), "affiliation", "where you work or study (or 'independent')", 200,
				problems);
		String discipline = text(input.discipline(), "discipline", "your discipline, e.g. microbiology", 100, problems);
		CareerStage stage = CareerStage.byCode(input.careerStage()).orElse(null);
		if (stage == null) {
			problems.add(new InvalidInput.FieldProblem("careerStage", "Choose your career stage from the list"));
		}
		String country = (input.country() != null) ? input.country().trim().toUpperCase(Locale.ROOT) : "";
		if (!Countries.isCountry(country)) {
			problems.add(new InvalidInput.FieldProblem("country", "Choose the country you work in from the list"));
		}
		Set<String> interests = new LinkedHashSet<>();
		for (String interest : input.interests()) {
			Topic.bySlug(interest)
				.ifPresentOrElse(topic -> interests.add(topic.slug()),
						() -> problems.add(new InvalidInput.FieldProblem("interests",
								"Choose your interests from the topics listed ('" + shown(interest)
										+ "' is not one of them)")));
		}
		if (interests.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("interests"))) {
			problems.add(new InvalidInput.FieldProblem("interests", "Choose at least one topic you are interested in"));
		}
		String orcid = null;
		if (input.orcid() != null && !input.orcid().isBlank()) {
			orcid = Orcid.parse(input.orcid()).orElse(null);
			if (orcid == null) {
				problems.add(new InvalidInput.FieldProblem("orcid",
						"This is not a valid ORCID iD: it has 16 characters like 0000-0002-1825-0097, the last a check"
								+ " digit; check it on your ORCID record, or leave it empty"));
			}
		}
		String statement = text(input.statement(), "statement", "a few sentences on your work and why you want to join",
				4000, problems);
		if (!Consents.CODE_OF_CONDUCT.version().equals(input.codeOfConduct())) {
			problems.add(new InvalidInput.FieldProblem("codeOfConduct",
					(input.codeOfConduct() == null || input.codeOfConduct().isBlank())
							? "Agree to the code of conduct to join: every member does"
							: "The code of conduct has changed since you opened the form: read it again and agree"));
		}
		List<Consents.Purpose> consents = new ArrayList<>();
		for (ApplicationInput.ConsentChoice choice : input.consents()) {
			Consents.Purpose purpose = Consents.Purpose.byCode(choice.purpose()).orElse(null);
			if (purpose == null) {
				problems.add(new InvalidInput.FieldProblem("consents", "Unknown purpose '" + shown(choice.purpose())
						+ "': the purposes are directory, digests, " + "photos and partners"));
			}
			else if (!purpose.version().equals(choice.version())) {
				problems.add(new InvalidInput.FieldProblem("consents", "The text you agreed to for '" + purpose.code()
						+ "' has changed since you opened the form: read it again and tick it if you agree"));
			}
			else if (!consents.contains(purpose)) {
				consents.add(purpose);
			}
		}
		String submission = (input.submission() != null && !input.submission().isBlank()) ? input.submission().trim()
				: null;
		if (submission != null && !SUBMISSION.matcher(submission).matches()) {
			problems.add(new InvalidInput.FieldProblem("submission",
					"A submission key has 8 to 64 letters, digits or hyphens (a UUID will do)"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new Checked(givenName, familyName, email, affiliation, discipline, stage, country,
				List.copyOf(interests), orcid, statement, Consents.CODE_OF_CONDUCT.version(), List.copyOf(consents),
				submission);
	}

	private static String text(String value, String field, String what, int max,
			List<InvalidInput.FieldProblem> problems) {
		String trimmed = (value != null) ? value.strip() : "";
		if (trimmed.isEmpty()) {
			problems.add(new InvalidInput.FieldProblem(field, "Enter " + what));
		}
		else if (trimmed.length() > max) {
			problems.add(new InvalidInput.FieldProblem(field,
					"Shorten this to at most " + max + " characters (it has " + trimmed.length() + ")"));
		}
		return trimmed;
	}

	private static String shown(String value) {
		String v = (value == null) ? "" : value.strip();
		return (v.length() > 40) ? v.substring(0, 40) + "…" : v;
	}

}
