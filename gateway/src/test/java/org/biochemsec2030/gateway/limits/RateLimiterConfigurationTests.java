package org.biochemsec2030.gateway.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterConfigurationTests {

	@Test
	void runsSpringCloudGatewaysOwnTokenBucketScriptReadOnce() throws Exception {
		byte[] jar = new ClassPathResource(RateLimiterConfiguration.SCRIPT).getContentAsByteArray();

		var script = RateLimiterConfiguration.tokenBucket();

		assertThat(script.getScriptAsString()).isEqualTo(new String(jar, StandardCharsets.UTF_8));
		// Redis runs it by this digest (EVALSHA): the library's script itself, not a copy
		// that
		// could drift from the limiter's Java side.
		String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(jar));
		assertThat(script.getSha1()).isEqualTo(sha1);
		assertThat(script.getResultType()).isEqualTo(List.class);
	}

}
