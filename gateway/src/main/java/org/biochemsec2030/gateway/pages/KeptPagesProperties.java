package org.biochemsec2030.gateway.pages;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's kept pages ({@link KeptPages}).
 *
 * @param enabled whether anonymous public pages are answered from memory at all
 * @param paths the public sections kept (each path and everything under it)
 * @param changedBy sections whose successful writes through the gateway change those
 * pages at once (the owning service's API and admin tool)
 * @param versionUri the owning service's site version, polled
 * @param pollInterval how often the version is read: the most a change made elsewhere (a
 * scheduled publication, another gateway replica) can take to show
 * @param maxPages pages kept at most (past it the store starts again)
 * @param maxBytes larger answers are passed on without a copy
 */
@ConfigurationProperties("bcs.kept-pages")
public record KeptPagesProperties(@DefaultValue("true") boolean enabled, @DefaultValue( {
		"/blog", "/micro", "/pages", "/feeds" }) List<String> paths,
		@DefaultValue({ "/api/content", "/admin/content" }) List<String> changedBy,
		@DefaultValue("http://localhost:8081/api/content/v1/site-version") URI versionUri,
		@DefaultValue("200ms") Duration pollInterval, @DefaultValue("5000") int maxPages,
		@DefaultValue("2097152") int maxBytes){

	boolean covers(String path) {
		return under(this.paths, path) && !path.startsWith("/blog/media/");
	}

	boolean changedBy(String path) {
		return under(this.changedBy, path);
	}

	private static boolean under(List<String> sections, String path) {
		return sections.stream().anyMatch(section -> path.equals(section) || path.startsWith(section + "/"));
	}

}
