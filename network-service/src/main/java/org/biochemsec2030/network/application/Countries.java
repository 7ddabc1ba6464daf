package org.biochemsec2030.network.application;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Countries as ISO 3166-1 alpha-2 codes, named in English. */
public final class Countries {

	private static final Set<String> CODES = Set.of(Locale.getISOCountries());

	public record Country(String code, String name) {

	}

	private static final List<Country> ALL = Arrays.stream(Locale.getISOCountries())
		.map(code -> new Country(code, name(code)))
		.sorted(Comparator.comparing(Country::name))
		.toList();

	private Countries() {
	}

	public static List<Country> all() {
		return ALL;
	}

	public static boolean isCountry(String code) {
		return code != null && CODES.contains(code);
	}

	public static String name(String code) {
		return Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
	}

}
