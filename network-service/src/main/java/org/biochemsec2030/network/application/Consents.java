package org.biochemsec2030.network.application;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What an applicant agrees to, each purpose on its own, with the version of the text they
 * were shown: a changed text gets a new version, and the ledger says which one each
 * person agreed to. Only the code of conduct is required; every consent is optional and
 * off unless ticked.
 */
public final class Consents {

	/** The network's code of conduct, which every member agrees to. */
	public static final Text CODE_OF_CONDUCT = new Text("code-of-conduct", "2026-12-01",
			"I will follow the network's code of conduct: I treat other members with respect, I do not share what "
					+ "members say in meetings outside them without their agreement, and I do not use the network to "
					+ "seek or pass on information that could help anyone make or use biological or chemical weapons.");

	private Consents() {
	}

	/** The purposes a member can agree to, each with its current text. */
	public enum Purpose {

		DIRECTORY("directory", "2026-12-01",
				"List me in the members' directory, showing only the fields I choose to show."),
		DIGESTS("digests", "2026-12-01",
				"Send me digests of news on the topics I choose (I can unsubscribe at any time)."),
		PHOTOS("photos", "2026-12-01", "Photographs of meetings I attend may show me and be published by the project."),
		PARTNERS("partners", "2026-12-01",
				"The project may share my name and affiliation with its partner organisations for invitations to "
						+ "related events.");

		private final String code;

		private final String version;

		private final String text;

		Purpose(String code, String version, String text) {
			this.code = code;
			this.version = version;
			this.text = text;
		}

		public String code() {
			return this.code;
		}

		public String version() {
			return this.version;
		}

		public String text() {
			return this.text;
		}

		public static Optional<Purpose> byCode(String code) {
			return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
		}

	}

	/** A text and its version. */
	public record Text(String code, String version, String text) {

	}

	public static List<Purpose> purposes() {
		return List.of(Purpose.values());
	}

}
