package org.biochemsec2030.platform.taxonomy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The instruments of international law the project's work concerns, each with the
 * provisions an assessment or a paper can point to. The code is what is stored and what
 * appears in addresses ({@code /blog/regimes/BWC}); the label is what readers see.
 */
public enum Regime {

	BWC("BWC", "Biological Weapons Convention",
			List.of(new Provision("BWC-I", "Article I", "never develop, produce, stockpile, acquire or retain"),
					new Provision("BWC-III", "Article III", "no transfer or assistance"),
					new Provision("BWC-IV", "Article IV", "national implementation measures"),
					new Provision("BWC-VII", "Article VII", "assistance to a party exposed to danger"),
					new Provision("BWC-X", "Article X", "peaceful use and cooperation"))),

	CWC("CWC", "Chemical Weapons Convention",
			List.of(new Provision("CWC-I", "Article I", "general obligations"),
					new Provision("CWC-VI", "Article VI", "activities not prohibited"),
					new Provision("CWC-XI", "Article XI", "economic and technological development"),
					new Provision("CWC-VA", "Verification Annex", "declarations and inspections"))),

	UNSCR_1540("1540", "UN Security Council resolution 1540 (2004)",
			List.of(new Provision("1540-OP1", "Operative paragraph 1", "no support to non-State actors"),
					new Provision("1540-OP2", "Operative paragraph 2", "laws prohibiting non-State actors"),
					new Provision("1540-OP3", "Operative paragraph 3", "domestic controls"))),

	UNSCR_2118("2118", "UN Security Council resolution 2118 (2013)",
			List.of(new Provision("2118", "Resolution 2118", "the destruction of Syria's chemical weapons")));

	private final String code;

	private final String label;

	private final List<Provision> provisions;

	Regime(String code, String label, List<Provision> provisions) {
		this.code = code;
		this.label = label;
		this.provisions = provisions;
	}

	public String code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	public List<Provision> provisions() {
		return this.provisions;
	}

	/** The provision of this regime with that code ({@code BWC-X}), ignoring case. */
	public Optional<Provision> provision(String code) {
		if (code == null) {
			return Optional.empty();
		}
		String wanted = code.trim();
		return this.provisions.stream().filter(provision -> provision.code().equalsIgnoreCase(wanted)).findFirst();
	}

	/**
	 * The regime with this code ({@code BWC}, {@code cwc}, {@code 1540}), ignoring case
	 * and blanks.
	 */
	public static Optional<Regime> byCode(String code) {
		if (code == null) {
			return Optional.empty();
		}
		String wanted = code.trim().toUpperCase(Locale.ROOT);
		return Arrays.stream(values()).filter(regime -> regime.code.equals(wanted)).findFirst();
	}

	/**
	 * One provision of a regime.
	 *
	 * @param code stored and used in addresses, unique across regimes ({@code CWC-VA})
	 * @param name how the instrument itself names it ("Article X")
	 * @param gist a few words on what it is about, for forms and tooltips
	 */
	public record Provision(String code, String name, String gist) {
	}

}
