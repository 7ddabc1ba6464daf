package org.biochemsec2030.network.directory;

/**
 * The fields of a profile, each with its own visibility; the column of its value and of
 * its visibility in table {@code profile}.
 */
public enum ProfileField {

	NAME("name", "display_name", "Name"), AFFILIATION("affiliation", "affiliation", "Affiliation"),
	DISCIPLINE("discipline", "discipline", "Discipline"), COUNTRY("country", "country", "Country"),
	TOPICS("topics", "topics", "Topics of expertise"), BIO("bio", "bio", "About me"),
	ORCID("orcid", "orcid", "ORCID iD");

	private final String code;

	private final String column;

	private final String label;

	ProfileField(String code, String column, String label) {
		this.code = code;
		this.column = column;
		this.label = label;
	}

	public String code() {
		return this.code;
	}

	String column() {
		return this.column;
	}

	String visibilityColumn() {
		return this.code + "_visibility";
	}

	public String label() {
		return this.label;
	}

}
