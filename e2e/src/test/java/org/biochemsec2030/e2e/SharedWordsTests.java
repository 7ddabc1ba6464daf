package org.biochemsec2030.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regimes and the topics have one owner, platform/taxonomy: no other code of the
 * suite keeps its own list of them (as content-service, the gateway and the search
 * platform each did, with labels that disagreed). A list is what this looks for: one
 * source file naming three or more regime codes, or three or more topic slugs, as string
 * literals. Demo data (packages named demo) uses them as content and may.
 */
class SharedWordsTests {

	private static final Path ROOT = Path.of(System.getProperty("bcs.root", ".."));

	private static final Set<String> REGIMES = Set.of("BWC", "CWC", "1540", "2118");

	private static final Set<String> TOPICS = Set.of("genome-editing", "synthetic-biology", "chemical-synthesis",
			"ai-enabled-design", "delivery-systems", "detection-verification", "biosafety-biosecurity-policy");

	private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]{1,60})\"");

	@Test
	void noCodeOutsideTheTaxonomyKeepsItsOwnListOfRegimesOrTopics() throws IOException {
		List<String> lists;
		try (Stream<Path> files = Files.walk(ROOT)) {
			lists = files.filter(path -> path.toString().endsWith(".java"))
				.filter(path -> path.toString().contains("/src/main/java/"))
				.filter(path -> !path.toString().contains("/target/"))
				.filter(path -> !path.toString().contains("/platform/taxonomy/"))
				.filter(path -> !path.toString().contains("/demo/"))
				.filter(SharedWordsTests::listsSharedWords)
				.map(path -> ROOT.relativize(path).toString())
				.toList();
		}
		assertThat(lists).as("files that keep their own list of the taxonomy's regimes or topics").isEmpty();
	}

	@Test
	void findsAListWhereThereIsOne() {
		assertThat(lists("List.of(\"BWC\", \"CWC\", \"1540\")")).isTrue();
		assertThat(lists("Map.of(\"synthetic-biology\", a, \"genome-editing\", b, \"delivery-systems\", c)")).isTrue();
		assertThat(lists("regime.equals(\"BWC\")")).isFalse();
	}

	private static boolean listsSharedWords(Path path) {
		try {
			return lists(Files.readString(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static boolean lists(String source) {
		Set<String> regimes = new java.util.HashSet<>();
		Set<String> topics = new java.util.HashSet<>();
		Matcher matcher = LITERAL.matcher(source);
		while (matcher.find()) {
			String literal = matcher.group(1);
			if (REGIMES.contains(literal)) {
				regimes.add(literal);
			}
			if (TOPICS.contains(literal)) {
				topics.add(literal);
			}
		}
		return regimes.size() >= 3 || topics.size() >= 3;
	}

}
