package org.biochemsec2030.gateway.limits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Spring Cloud Gateway's Redis token bucket with its own Lua script, read once. The
 * limiter it configures itself holds the script as a resource and asks the jar for the
 * resource's last-modified time on every call, to see whether the script changed: a zip
 * lookup for each limited request, 4 % of the gateway's CPU under a load of searches. A
 * script in the jar never changes while the gateway runs.
 */
@Configuration(proxyBeanMethods = false)
class RateLimiterConfiguration {

	/** Where Spring Cloud Gateway keeps the token bucket's script. */
	static final String SCRIPT = "META-INF/scripts/request_rate_limiter.lua";

	@Bean
	RedisRateLimiter redisRateLimiter(ReactiveStringRedisTemplate redis, ConfigurationService configuration) {
		return new RedisRateLimiter(redis, tokenBucket(), configuration);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static RedisScript<List<Long>> tokenBucket() {
		try {
			String text = new ClassPathResource(SCRIPT).getContentAsString(StandardCharsets.UTF_8);
			return (RedisScript) RedisScript.of(text, List.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Spring Cloud Gateway's " + SCRIPT + " is missing", ex);
		}
	}

}
