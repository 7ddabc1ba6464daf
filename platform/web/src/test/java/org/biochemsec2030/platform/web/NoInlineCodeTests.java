package org.biochemsec2030.platform.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site's Content-Security-Policy allows no inline style or script, so none may creep
 * into the shared templates: a page would silently lose its styling or behaviour.
 */
class NoInlineCodeTests {

	private static final Pattern INLINE = Pattern.compile(
			"<style|\\sstyle\\s*=|\\sth:style\\s*=|<script(?![^>]*\\ssrc=)|\\son[a-z]+\\s*=|javascript:",
			Pattern.CASE_INSENSITIVE);

	@Test
	void templatesCarryNoInlineStyleOrScript() throws IOException {
		List<Path> templates = files(Path.of("src/main/resources/templates"), ".html");
		assertThat(templates).hasSizeGreaterThanOrEqualTo(10);
		for (Path template : templates) {
			assertThat(INLINE.matcher(Files.readString(template)).find()).as(template.toString()).isFalse();
		}
	}

	@Test
	void assetsReferenceNothingOutsideTheSuite() throws IOException {
		for (Path asset : files(Path.of("src/main/resources/static"), "")) {
			assertThat(Files.readString(asset)).as(asset.toString())
				.doesNotContainPattern("url\\(\\s*['\"]?(https?:)?//")
				.doesNotContain("@import");
		}
	}

	private static List<Path> files(Path root, String suffix) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).toList();
		}
	}

}
