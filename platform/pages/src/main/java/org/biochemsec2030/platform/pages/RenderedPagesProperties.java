package org.biochemsec2030.platform.pages;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.AntPathMatcher;

/**
 * A service's kept public pages ({@link RenderedPages}).
 *
 * @param service the service's name in its API addresses: the site version is at
 * {@code /api/<service>/v1/site-version}
 * @param paths the public sections kept (each path and everything under it)
 * @param excluded paths under those sections that are never kept (Ant patterns: media,
 * PDFs, anything large or served another way)
 * @param maxPages pages kept at most (past it the store starts again; a new version does
 * anyway)
 * @param maxBytes larger answers (a long feed, say) are rendered each time
 */
@ConfigurationProperties("bcs.pages")
public record RenderedPagesProperties(String service, @DefaultValue List<String> paths,
		@DefaultValue List<String> excluded, @DefaultValue("5000") int maxPages,
		@DefaultValue("2097152") int maxBytes) {

	private static final AntPathMatcher MATCHER = new AntPathMatcher();

	/** Whether the path is a kept public page's (whoever asks). */
	public boolean covers(String path) {
		return this.paths.stream().anyMatch(section -> path.equals(section) || path.startsWith(section + "/"))
				&& this.excluded.stream().noneMatch(pattern -> MATCHER.match(pattern, path));
	}

	/** The address of the site version. */
	public String versionPath() {
		return "/api/" + this.service + "/v1/site-version";
	}

}
