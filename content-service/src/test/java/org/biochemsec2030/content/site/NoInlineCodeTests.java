package org.biochemsec2030.content.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site's CSP forbids inline styles and scripts: this service's pages carry none. A
 * JSON-LD block is data (browsers never run it), so it is the one script element without
 * a {@code src}.
 */
class NoInlineCodeTests {

	private static final Pattern INLINE = Pattern.compile(
			"<style|\\sstyle\\s*=|\\sth:style\\s*=|<script(?![^>]*\\s(th:)?src=)(?![^>]*type=\"application/ld\\+json\")|\\son[a-z]+\\s*=|javascript:",
			Pattern.CASE_INSENSITIVE);

	@Test
	void templatesCarryNoInlineStyleOrScript() throws IOException {
		List<Path> templates;
		try (Stream<Path> paths = Files.walk(Path.of("src/main/resources/templates"))) {
			templates = paths.filter(p -> p.toString().endsWith(".html")).toList();
		}
		assertThat(templates).hasSizeGreaterThanOrEqualTo(8);
		for (Path template : templates) {
			assertThat(INLINE.matcher(Files.readString(template)).find()).as(template.toString()).isFalse();
		}
	}

}
