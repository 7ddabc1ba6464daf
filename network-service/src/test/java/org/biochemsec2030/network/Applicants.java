package org.biochemsec2030.network;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.biochemsec2030.platform.test.Mail;

/** Object Mother of applicants: a complete, acceptable application form. */
public final class Applicants {

	private Applicants() {
	}

	/** An address no other test uses, so each test reads its own mailbox. */
	public static String uniqueEmail(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	private static final Pattern LINK = Pattern
		.compile("https://biochemsec2030\\.example(/network/apply/verify\\?token=[A-Za-z0-9_-]+)");

	/**
	 * The site path of the confirmation link in the newest confirmation mail to this
	 * address, read from the real mailbox.
	 */
	public static String verificationLink(String email) {
		Mail.await(email, m -> m.subject().startsWith("Confirm your address"), Duration.ofSeconds(30));
		String text = Mail.inbox(email)
			.stream()
			.filter(m -> m.subject().startsWith("Confirm your address"))
			.reduce((a, b) -> b)
			.orElseThrow()
			.text();
		Matcher matcher = LINK.matcher(text);
		if (!matcher.find()) {
			throw new AssertionError("No confirmation link in: " + text);
		}
		return matcher.group(1);
	}

	public static List<Map.Entry<String, String>> form(String email) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		fields.add(Map.entry("submission", UUID.randomUUID().toString()));
		fields.add(Map.entry("givenName", "Rosalind"));
		fields.add(Map.entry("familyName", "Franklin"));
		fields.add(Map.entry("email", email));
		fields.add(Map.entry("affiliation", "University of Exeter"));
		fields.add(Map.entry("discipline", "Structural biology"));
		fields.add(Map.entry("careerStage", "early-career"));
		fields.add(Map.entry("country", "GB"));
		fields.add(Map.entry("interests", "synthetic-biology"));
		fields.add(Map.entry("interests", "detection-verification"));
		fields.add(Map.entry("orcid", "0000-0002-1825-0097"));
		fields.add(Map.entry("statement", "I work on protein structures and want to discuss dual-use research."));
		fields.add(Map.entry("codeOfConduct", "2026-12-01"));
		fields.add(Map.entry("consents", "directory:2026-12-01"));
		fields.add(Map.entry("consents", "digests:2026-12-01"));
		return fields;
	}

	public static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> form, String field,
			String value) {
		List<Map.Entry<String, String>> changed = new ArrayList<>(
				form.stream().filter(f -> !f.getKey().equals(field)).toList());
		if (value != null) {
			changed.add(Map.entry(field, value));
		}
		return changed;
	}

	public static Map<String, Object> json(String email) {
		return Map.ofEntries(Map.entry("givenName", "Lise"), Map.entry("familyName", "Meitner"),
				Map.entry("email", email), Map.entry("affiliation", "Independent"),
				Map.entry("discipline", "Chemistry"), Map.entry("careerStage", "senior"), Map.entry("country", "SE"),
				Map.entry("interests", List.of("chemical-synthesis")), Map.entry("orcid", ""),
				Map.entry("statement", "Chemist interested in the CWC's science advisory work."),
				Map.entry("codeOfConduct", "2026-12-01"),
				Map.entry("consents", List.of(Map.of("purpose", "photos", "version", "2026-12-01"))));
	}

}
