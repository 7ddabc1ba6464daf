package org.biochemsec2030.gateway.limits;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LimitTests {

	private final Limit thirtyAMinute = Limit.of("sign-in", 30, Duration.ofMinutes(1));

	@Test
	void makesABucketThatHoldsTheQuotaAndRefillsItOverTheWindow() {
		var bucket = this.thirtyAMinute.bucket();
		// 60 tokens a request, 30 tokens a second: one request every 2 s, 30 at once.
		assertThat(bucket.getRequestedTokens()).isEqualTo(60);
		assertThat(bucket.getReplenishRate()).isEqualTo(30);
		assertThat(bucket.getBurstCapacity()).isEqualTo(1800);
	}

	@Test
	void describesItsPolicyAndStateInTheIetfFields() {
		assertThat(this.thirtyAMinute.policy()).isEqualTo("\"sign-in\";q=30;w=60");
		assertThat(this.thirtyAMinute.state(1800)).isEqualTo("\"sign-in\";r=30;t=0");
		assertThat(this.thirtyAMinute.state(1740)).isEqualTo("\"sign-in\";r=29;t=2");
		assertThat(this.thirtyAMinute.state(0)).isEqualTo("\"sign-in\";r=0;t=60");
	}

	@Test
	void asksARefusedClientToWaitUntilOneRequestHasRefilled() {
		assertThat(this.thirtyAMinute.retryAfterSeconds(0)).isEqualTo(2);
		assertThat(this.thirtyAMinute.retryAfterSeconds(59)).isEqualTo(1);
		assertThat(Limit.of("search", 2, Duration.ofMinutes(1)).retryAfterSeconds(0)).isEqualTo(30);
	}

	@Test
	void countsLeftoverTokensAsWholeRequestsOnly() {
		assertThat(this.thirtyAMinute.remaining(119)).isEqualTo(1);
		assertThat(this.thirtyAMinute.remaining(-1)).isZero();
	}

}
