package org.biochemsec2030.gateway.home;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClient;

import static org.biochemsec2030.gateway.home.Source.Kind.ARTICLE;
import static org.biochemsec2030.gateway.home.Source.Kind.MEETING;
import static org.biochemsec2030.gateway.home.Source.Kind.MICRO;

/**
 * The home page's sections, read concurrently from the services' public list APIs. Each
 * section has its own time limit and fallback, so one slow or stopped service costs its
 * own section and never the page. A 404 means the service has no such list yet: that
 * reads as "nothing yet", not as an outage.
 */
@Service
public class HomeSections {

	private static final Logger log = LoggerFactory.getLogger(HomeSections.class);

	private final WebClient client;

	private final Duration timeout;

	private final List<Source> sources;

	private final Map<String, Mono<HomeSection>> cached;

	HomeSections(WebClient.Builder builder, HomeProperties properties) {
		this.client = builder.build();
		this.timeout = properties.timeout();
		this.sources = List.of(
				Source.of("posts", "Latest posts", properties.contentUri(), "/api/content/v1/posts?size=5", "/blog",
						"All posts", "The first posts will appear here soon.", "Posts are unavailable right now.",
						ARTICLE),
				Source.of("micro", "Mini-blog", properties.contentUri(), "/api/content/v1/micro?size=5", "/micro",
						"All mini-posts", "Nothing on the mini-blog yet.", "The mini-blog is unavailable right now.",
						MICRO),
				Source.of("papers", "Briefing papers", properties.publishingUri(), "/api/publishing/v1/papers?size=5",
						"/papers", "All briefing papers", "The first briefing papers will appear here.",
						"Briefing papers are unavailable right now.", ARTICLE),
				Source.of("developments", "Tracked developments", properties.trackerUri(),
						"/api/tracker/v1/developments?size=5", "/tracker", "All tracked developments",
						"No tracked developments published yet.", "Tracked developments are unavailable right now.",
						ARTICLE),
				Source.of("meetings", "Next meetings", properties.networkUri(),
						"/api/network/v1/meetings?upcoming=true&size=3", "/events", "All meetings and events",
						"No meetings are scheduled yet.", "Meetings are unavailable right now.", MEETING));
		// One shared answer per section for cache-for: concurrent readers wait on the
		// same
		// call, and a down service is asked at most once per period instead of once per
		// reader.
		Duration cacheFor = properties.cacheFor();
		this.cached = this.sources.stream()
			.collect(Collectors.toUnmodifiableMap(Source::key, source -> Mono.defer(() -> fetch(source))
				.cache(section -> cacheFor, error -> Duration.ZERO, () -> Duration.ZERO)));
	}

	/**
	 * Reads every section once as soon as the gateway is ready: the first call through a
	 * fresh HTTP client loads and initialises its machinery, which can take longer than a
	 * section's time limit, and the first reader should not see sections unavailable for
	 * that. The cache is bypassed so that a slow first answer is not kept.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		Flux.fromIterable(this.sources).flatMap(this::fetch).subscribe();
	}

	/** Every section, in page order, each within its time limit. */
	public Mono<List<HomeSection>> all() {
		return Flux.fromIterable(this.sources).flatMapSequential(source -> this.cached.get(source.key())).collectList();
	}

	private Mono<HomeSection> fetch(Source source) {
		return this.client.get().uri(source.api()).accept(MediaType.APPLICATION_JSON).exchangeToMono(response -> {
			if (response.statusCode().is2xxSuccessful()) {
				return response.bodyToMono(PublicList.class).map(source::from).defaultIfEmpty(source.empty());
			}
			HomeSection section = (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) ? source.empty()
					: unavailable(source, "answered " + response.statusCode().value());
			return response.releaseBody().thenReturn(section);
		}).timeout(this.timeout).onErrorResume(ex -> Mono.just(unavailable(source, describe(ex))));
	}

	private HomeSection unavailable(Source source, String why) {
		log.warn("Home page section {} unavailable: {} {}", source.key(), source.api(), why);
		return source.unavailable();
	}

	private String describe(Throwable ex) {
		return (ex instanceof TimeoutException) ? "no answer within " + this.timeout.toMillis() + " ms"
				: ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

}
