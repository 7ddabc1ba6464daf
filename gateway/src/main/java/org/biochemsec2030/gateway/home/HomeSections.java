package org.biochemsec2030.gateway.home;

import java.time.Duration;
import java.util.List;

import io.netty.channel.ChannelOption;
import io.netty.handler.timeout.ReadTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClient;

import static org.biochemsec2030.gateway.home.Source.Kind.ARTICLE;
import static org.biochemsec2030.gateway.home.Source.Kind.MEETING;
import static org.biochemsec2030.gateway.home.Source.Kind.MICRO;

/**
 * The home page's sections, read from the services' public list APIs. Each section has
 * its own time limit and fallback, so one slow or stopped service costs its own section
 * and never the page. A 404 means the service has no such list yet: that reads as
 * "nothing yet", not as an outage.
 * <p>
 * Readers never wait for a service: the gateway reads every section in the background
 * once per {@code cache-for} and each page shows the latest answers. A stopped or hanging
 * service therefore costs one failed read per period and nothing per reader, and an
 * answer is never older than the period plus the time limit. Only before the first answer
 * after start-up does a reader wait, and at most the time limit. With a {@code cache-for}
 * of zero nothing is kept: every page reads every section itself.
 */
@Service
public class HomeSections implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(HomeSections.class);

	/**
	 * The first read after start-up goes through a fresh HTTP client, whose
	 * initialisation alone can take longer than a section's limit; it gets this many
	 * limits, so that the first answers are not needlessly "unavailable".
	 */
	private static final int FIRST_READ_PATIENCE = 4;

	private final WebClient client;

	private final Duration timeout;

	private final Duration cacheFor;

	private final List<Section> sections;

	private volatile Disposable refreshing;

	HomeSections(WebClient.Builder builder, HomeProperties properties) {
		this.timeout = properties.timeout();
		this.cacheFor = properties.cacheFor();
		// The time limit is the HTTP client's own (connect, then each read of the
		// answer) rather than a timeout operator around the exchange: cancelling an
		// exchange whose body is being read makes the client release the body a second
		// time, which Reactor reports as a dropped error at ERROR level.
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, this.timeout.toMillis()))
			.responseTimeout(this.timeout);
		this.client = builder.clientConnector(new ReactorClientHttpConnector(http)).build();
		this.sections = List.of(
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
				// The network's own meetings (/events); treaty meetings, which papers
				// target, are publishing-service's (/meetings) and are not listed here.
				Source.of("meetings", "Next meetings", properties.networkUri(), "/api/network/v1/meetings?size=3",
						"/events", "All network meetings", "No meetings are scheduled yet.",
						"Meetings are unavailable right now.", MEETING))
			.stream()
			.map(Section::new)
			.toList();
	}

	/**
	 * Starts the background reads as soon as the gateway is ready: the first round at
	 * once (with more patience, see {@link #FIRST_READ_PATIENCE}), then one round per
	 * {@code cache-for}. A round still running when the next is due (a hanging service)
	 * is not overtaken: the next one starts after it. A failing round never ends the
	 * reading (each read turns its own failure into an unavailable section).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void startReading() {
		if (this.cacheFor.isZero()) {
			return;
		}
		Duration firstLimit = this.timeout.multipliedBy(FIRST_READ_PATIENCE);
		this.refreshing = Flux.interval(Duration.ZERO, this.cacheFor)
			.onBackpressureDrop()
			.concatMap(round -> Flux.fromIterable(this.sections)
				.flatMap(section -> section.refresh((round == 0) ? firstLimit : this.timeout).onErrorResume(ex -> {
					log.error("Home page section {} was not refreshed", section.source.key(), ex);
					return Mono.empty();
				}))
				.then(), 1)
			.subscribe();
	}

	@Override
	public void destroy() {
		Disposable current = this.refreshing;
		if (current != null) {
			current.dispose();
		}
	}

	/** Every section, in page order. */
	public Mono<List<HomeSection>> all() {
		return Flux.fromIterable(this.sections).concatMap(Section::current).collectList();
	}

	/**
	 * The latest answer of every section without waiting; null while any section has no
	 * answer yet (or when nothing is kept). The page uses it to reuse what it rendered
	 * for the same answers.
	 */
	List<HomeSection> latest() {
		if (this.cacheFor.isZero()) {
			return null;
		}
		HomeSection[] all = new HomeSection[this.sections.size()];
		for (int i = 0; i < all.length; i++) {
			all[i] = this.sections.get(i).latest;
			if (all[i] == null) {
				return null;
			}
		}
		return List.of(all);
	}

	/** One section: its source, its latest answer and the wait for its first one. */
	private final class Section {

		private final Source source;

		private final Sinks.One<HomeSection> first = Sinks.one();

		private volatile HomeSection latest;

		Section(Source source) {
			this.source = source;
		}

		Mono<HomeSection> current() {
			HomeSection answer = this.latest;
			if (answer != null) {
				return Mono.just(answer);
			}
			if (HomeSections.this.cacheFor.isZero()) {
				return fetch(this.source, HomeSections.this.timeout);
			}
			// Waiting on the shared first read: giving up here cancels only this
			// reader's wait, never the read itself.
			return this.first.asMono().timeout(HomeSections.this.timeout, Mono.fromSupplier(this.source::unavailable));
		}

		Mono<Void> refresh(Duration limit) {
			return fetch(this.source, limit).doOnNext(answer -> {
				this.latest = answer;
				this.first.tryEmitValue(answer);
			}).then();
		}

	}

	private Mono<HomeSection> fetch(Source source, Duration limit) {
		return this.client.get().uri(source.api()).accept(MediaType.APPLICATION_JSON).httpRequest(request -> {
			if (request.getNativeRequest() instanceof HttpClientRequest netty) {
				netty.responseTimeout(limit);
			}
		}).exchangeToMono(response -> {
			if (response.statusCode().is2xxSuccessful()) {
				return response.bodyToMono(PublicList.class).map(source::from).defaultIfEmpty(source.empty());
			}
			HomeSection section = (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) ? source.empty()
					: unavailable(source, "answered " + response.statusCode().value());
			return response.releaseBody().thenReturn(section);
		}).onErrorResume(ex -> Mono.just(unavailable(source, describe(ex, limit))));
	}

	private HomeSection unavailable(Source source, String why) {
		log.warn("Home page section {} unavailable: {} {}", source.key(), source.api(), why);
		return source.unavailable();
	}

	private static String describe(Throwable ex, Duration limit) {
		return (ex instanceof ReadTimeoutException || ex.getCause() instanceof ReadTimeoutException)
				? "no answer within " + limit.toMillis() + " ms"
				: ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

}
