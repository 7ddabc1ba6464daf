package org.biochemsec2030.gateway.pages;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.AntPathMatcher;

/**
 * The gateway's kept pages ({@link KeptPages}), per service that keeps its own (the
 * platform/pages library): each has its own site version and its own write count, so a
 * change in one service leaves the others' kept pages alone.
 *
 * @param enabled whether anonymous public pages are answered from memory at all
 * @param services the services whose public pages are kept, by name
 * @param pollInterval how often each version is read: the most a change made elsewhere (a
 * scheduled publication, another gateway replica) can take to show
 * @param maxPages pages kept at most, all services together (past it the store starts
 * again)
 * @param maxBytes larger answers are passed on without a copy
 */
@ConfigurationProperties("bcs.kept-pages")
public record KeptPagesProperties(@DefaultValue("true") boolean enabled, Map<String, Service> services,
		@DefaultValue("200ms") Duration pollInterval, @DefaultValue("5000") int maxPages,
		@DefaultValue("2097152") int maxBytes) {

	private static final AntPathMatcher MATCHER = new AntPathMatcher();

	public KeptPagesProperties {
		services = (services == null) ? Map.of() : services;
	}

	/**
	 * One service's kept pages.
	 *
	 * @param paths the public sections kept (each path and everything under it)
	 * @param excluded paths under them never kept (Ant patterns: media, PDFs)
	 * @param changedBy sections whose successful writes through the gateway change those
	 * pages at once (the service's API and admin tool)
	 * @param versionUri the service's site version, polled
	 */
	public record Service(@DefaultValue List<String> paths, @DefaultValue List<String> excluded,
			@DefaultValue List<String> changedBy, URI versionUri) {

		boolean covers(String path) {
			return under(this.paths, path) && this.excluded.stream().noneMatch(pattern -> MATCHER.match(pattern, path));
		}

		boolean changedBy(String path) {
			return under(this.changedBy, path);
		}

	}

	/** The name of the service whose kept page this path is, or null. */
	String covering(String path) {
		for (Map.Entry<String, Service> service : this.services.entrySet()) {
			if (service.getValue().covers(path)) {
				return service.getKey();
			}
		}
		return null;
	}

	/** The name of the service a write to this path changes, or null. */
	String changedBy(String path) {
		for (Map.Entry<String, Service> service : this.services.entrySet()) {
			if (service.getValue().changedBy(path)) {
				return service.getKey();
			}
		}
		return null;
	}

	private static boolean under(List<String> sections, String path) {
		return sections.stream().anyMatch(section -> path.equals(section) || path.startsWith(section + "/"));
	}

}
