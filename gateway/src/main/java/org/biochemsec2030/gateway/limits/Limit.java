package org.biochemsec2030.gateway.limits;

import java.time.Duration;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

/**
 * One limit, {@code requests} per {@code windowSeconds}, as the token bucket of Spring
 * Cloud Gateway's {@link RedisRateLimiter}: each request costs as many tokens as the
 * window has seconds and the bucket refills {@code requests} tokens a second, so
 * {@code requests} fit in a burst and {@code requests} more in every window after. (The
 * limiter counts whole tokens per second; this keeps a limit such as 30 a minute exact.)
 * Also the two IETF RateLimit header fields that describe it.
 */
record Limit(String name, int requests, long windowSeconds) {

	static Limit of(String name, int requests, Duration window) {
		return new Limit(name, requests, window.toSeconds());
	}

	RedisRateLimiter.Config bucket() {
		return new RedisRateLimiter.Config().setReplenishRate(this.requests)
			.setBurstCapacity(this.requests * this.windowSeconds)
			.setRequestedTokens(Math.toIntExact(this.windowSeconds));
	}

	/** {@code RateLimit-Policy}: the quota and its window. */
	String policy() {
		return "\"%s\";q=%d;w=%d".formatted(this.name, this.requests, this.windowSeconds);
	}

	/** {@code RateLimit}: requests left, and seconds until the quota is whole again. */
	String state(long tokensLeft) {
		return "\"%s\";r=%d;t=%d".formatted(this.name, remaining(tokensLeft), secondsUntilFull(tokensLeft));
	}

	long remaining(long tokensLeft) {
		return Math.max(0, tokensLeft) / this.windowSeconds;
	}

	long secondsUntilFull(long tokensLeft) {
		long missing = this.requests * this.windowSeconds - Math.max(0, tokensLeft);
		return ceilDiv(missing, this.requests);
	}

	/** When a refused client may try again: the time to refill one request's tokens. */
	long retryAfterSeconds(long tokensLeft) {
		long missing = this.windowSeconds - Math.max(0, tokensLeft);
		return Math.max(1, ceilDiv(missing, this.requests));
	}

	private static long ceilDiv(long a, long b) {
		return a <= 0 ? 0 : (a + b - 1) / b;
	}

}
