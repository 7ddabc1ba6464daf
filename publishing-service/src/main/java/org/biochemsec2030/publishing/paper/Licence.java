package org.biochemsec2030.publishing.paper;

import java.util.Arrays;
import java.util.Optional;

/**
 * The licences a paper can carry (SPDX identifiers); CC BY 4.0 unless chosen otherwise.
 */
public enum Licence {

	CC_BY_4_0("CC-BY-4.0", "Creative Commons Attribution 4.0 International",
			"https://creativecommons.org/licenses/by/4.0/"),
	CC_BY_SA_4_0("CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike 4.0 International",
			"https://creativecommons.org/licenses/by-sa/4.0/"),
	CC_BY_NC_4_0("CC-BY-NC-4.0", "Creative Commons Attribution-NonCommercial 4.0 International",
			"https://creativecommons.org/licenses/by-nc/4.0/"),
	CC0_1_0("CC0-1.0", "Creative Commons Zero 1.0 Universal (public domain dedication)",
			"https://creativecommons.org/publicdomain/zero/1.0/");

	public static final Licence DEFAULT = CC_BY_4_0;

	private final String spdx;

	private final String title;

	private final String url;

	Licence(String spdx, String title, String url) {
		this.spdx = spdx;
		this.title = title;
		this.url = url;
	}

	public String spdx() {
		return this.spdx;
	}

	public String title() {
		return this.title;
	}

	public String url() {
		return this.url;
	}

	public static Optional<Licence> of(String spdx) {
		return Arrays.stream(values()).filter(l -> l.spdx.equalsIgnoreCase(spdx)).findFirst();
	}

}
