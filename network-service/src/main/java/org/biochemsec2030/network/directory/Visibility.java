package org.biochemsec2030.network.directory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Who may see one field of a member's profile. Each level includes those above it in the
 * list of viewers: a field shown to members is shown to staff too; a public one to anyone
 * and to site search. {@link #PRIVATE} is the default, since security researchers may not
 * want to be known as such.
 */
public enum Visibility {

	PRIVATE("private", "Only me"), STAFF("staff", "Coordinators"), MEMBERS("members", "Members and coordinators"),
	PUBLIC("public", "Anyone");

	private final String code;

	private final String label;

	Visibility(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	public static Optional<Visibility> byCode(String code) {
		return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
	}

	/** Whether a viewer of this kind sees a field with this visibility. */
	public boolean shownTo(Viewer viewer) {
		return switch (this) {
			case PRIVATE -> false;
			case STAFF -> viewer == Viewer.STAFF;
			case MEMBERS -> viewer == Viewer.STAFF || viewer == Viewer.MEMBER;
			case PUBLIC -> true;
		};
	}

	/** The codes of every visibility this viewer sees (for a query). */
	static List<String> codesShownTo(Viewer viewer) {
		return Arrays.stream(values()).filter(v -> v.shownTo(viewer)).map(Visibility::code).toList();
	}

	/** Who looks at the directory. */
	public enum Viewer {

		/** Not signed in, or search: public fields only. */
		ANYONE,
		/** A member of the network. */
		MEMBER,
		/** A coordinator or an admin. */
		STAFF

	}

}
