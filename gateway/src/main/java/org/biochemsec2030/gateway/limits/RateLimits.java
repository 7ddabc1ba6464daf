package org.biochemsec2030.gateway.limits;

import java.net.InetSocketAddress;
import java.util.Set;

import org.biochemsec2030.gateway.error.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Limits on what is costly or worth guessing at: searches, sign-in steps and writes, per
 * client, with Spring Cloud Gateway's Redis token bucket ({@link RedisRateLimiter}, the
 * RequestRateLimiter filter's). A filter in Spring Security's chain rather than the route
 * filter, because search and sign-in are answered by the gateway itself and never reach a
 * route. A client is the signed-in user where there is one (so a shared office address
 * does not limit its colleagues), else the connection's address. A refusal is 429 with
 * {@code Retry-After} and the IETF {@code RateLimit}/{@code RateLimit-Policy} fields, as
 * a problem or the error page; allowed answers carry the two fields too. Redis down or
 * slow, the request passes: limits must not take reading down with them.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimits {

	static final String RATE_LIMIT = "RateLimit";

	static final String RATE_LIMIT_POLICY = "RateLimit-Policy";

	private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.TRACE);

	private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

	private final RateLimitProperties properties;

	private final RedisRateLimiter limiter;

	private final Limit search;

	private final Limit signIn;

	private final Limit writes;

	RateLimits(RateLimitProperties properties, RedisRateLimiter limiter) {
		this.properties = properties;
		this.limiter = limiter;
		this.search = Limit.of("search", properties.search(), properties.window());
		this.signIn = Limit.of("sign-in", properties.signIn(), properties.window());
		this.writes = Limit.of("writes", properties.writes(), properties.window());
		for (Limit limit : new Limit[] { this.search, this.signIn, this.writes }) {
			limiter.getConfig().put(bucketId(limit), limit.bucket());
		}
	}

	/** Which limit a request counts against, if any. */
	Limit limitFor(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		HttpMethod method = exchange.getRequest().getMethod();
		if (path.equals("/search") || path.equals("/api/search")) {
			return this.search;
		}
		if (path.startsWith("/oauth2/authorization/") || path.equals("/login") || path.startsWith("/login/")) {
			return this.signIn;
		}
		boolean api = path.startsWith("/api/") || path.equals("/admin") || path.startsWith("/admin/");
		return (api && !SAFE.contains(method)) ? this.writes : null;
	}

	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Limit limit = this.properties.enabled() ? limitFor(exchange) : null;
		if (limit == null) {
			return chain.filter(exchange);
		}
		return client(exchange).flatMap(client -> tokensLeft(limit, client)).flatMap(tokensLeft -> {
			if (tokensLeft.allowed()) {
				if (tokensLeft.known()) {
					exchange.getResponse().getHeaders().addAll(headers(limit, tokensLeft.tokens()));
				}
				return chain.filter(exchange);
			}
			return Mono.error(refusal(limit, tokensLeft.tokens()));
		});
	}

	private Mono<TokensLeft> tokensLeft(Limit limit, String client) {
		return this.limiter.isAllowed(bucketId(limit), client)
			.map(response -> TokensLeft.of(response, this.limiter.getRemainingHeader()))
			.timeout(this.properties.storeTimeout())
			.onErrorResume(ex -> {
				log.warn("Rate limit {} not checked, request allowed: {}", limit.name(), ex.toString());
				return Mono.just(TokensLeft.UNKNOWN);
			});
	}

	private Mono<String> client(ServerWebExchange exchange) {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(RateLimits::signedIn)
			.map(user -> "user:" + user.getName())
			.onErrorResume(ex -> Mono.empty())
			.switchIfEmpty(Mono.fromSupplier(() -> "address:" + address(exchange)));
	}

	private static boolean signedIn(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	private static String address(ServerWebExchange exchange) {
		// Client-sent X-Forwarded-For is gone by now, or was read as far as our own
		// proxies vouch for it (edge.ClientAddress).
		InetSocketAddress address = exchange.getRequest().getRemoteAddress();
		if (address == null) {
			return "unknown";
		}
		return (address.getAddress() != null) ? address.getAddress().getHostAddress() : address.getHostString();
	}

	private static HttpHeaders headers(Limit limit, long tokensLeft) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(RATE_LIMIT_POLICY, limit.policy());
		headers.set(RATE_LIMIT, limit.state(tokensLeft));
		return headers;
	}

	private static Refusal refusal(Limit limit, long tokensLeft) {
		long wait = limit.retryAfterSeconds(tokensLeft);
		String detail = switch (limit.name()) {
			case "search" -> "You have searched very often in a short time. Wait %d seconds, then search again.";
			case "sign-in" ->
				"There have been too many sign-in attempts from here in a short time. Wait %d seconds, then sign in again.";
			default -> "Too many changes were sent in a short time, and this one was not saved. Wait %d seconds, "
					+ "then send it again.";
		};
		HttpHeaders headers = headers(limit, tokensLeft);
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(wait));
		return new Refusal(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", detail.formatted(wait), null, headers);
	}

	private static String bucketId(Limit limit) {
		return "bcs-" + limit.name();
	}

	/** The bucket's answer: allowed or not, and the tokens left (-1: not known). */
	record TokensLeft(boolean allowed, long tokens) {

		static final TokensLeft UNKNOWN = new TokensLeft(true, -1);

		static TokensLeft of(RateLimiter.Response response, String remainingHeader) {
			String remaining = response.getHeaders().get(remainingHeader);
			long tokens = -1;
			try {
				tokens = (remaining != null) ? Long.parseLong(remaining) : -1;
			}
			catch (NumberFormatException ex) {
				// Treated as unknown.
			}
			// The limiter itself answers "allowed, -1 left" when Redis fails.
			return new TokensLeft(response.isAllowed() || tokens < 0, tokens);
		}

		boolean known() {
			return this.tokens >= 0;
		}

	}

}
