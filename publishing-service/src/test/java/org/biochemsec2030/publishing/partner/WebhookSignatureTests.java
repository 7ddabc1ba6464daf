package org.biochemsec2030.publishing.partner;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our signatures, checked by the Standard Webhooks project's own Java verifier. */
class WebhookSignatureTests {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String BODY = "{\"specversion\":\"1.0\",\"id\":\"6f1c…\",\"type\":\"org.biochemsec2030.publishing.paper.published.v1\"}";

	@Test
	void aDeliveryVerifiesWithTheReferenceLibrary() {
		SigningSecret secret = SigningSecret.generate(RANDOM);
		long now = Instant.now().getEpochSecond();
		String signature = WebhookSignature.header("msg_1", now, bytes(BODY), List.of(secret));

		assertThat(signature).startsWith("v1,");
		assertThatCode(() -> new Webhook(secret.value()).verify(BODY, headers("msg_1", now, signature)))
			.doesNotThrowAnyException();
	}

	@Test
	void aTamperedBodyIsRejectedByTheReferenceLibrary() {
		SigningSecret secret = SigningSecret.generate(RANDOM);
		long now = Instant.now().getEpochSecond();
		String signature = WebhookSignature.header("msg_1", now, bytes(BODY), List.of(secret));

		assertThatThrownBy(
				() -> new Webhook(secret.value()).verify(BODY.replace("1.0", "1.1"), headers("msg_1", now, signature)))
			.isInstanceOf(WebhookVerificationException.class);
	}

	@Test
	void aStaleTimestampIsRejectedByTheReferenceLibrary() {
		SigningSecret secret = SigningSecret.generate(RANDOM);
		long anHourAgo = Instant.now().minusSeconds(3600).getEpochSecond();
		String signature = WebhookSignature.header("msg_1", anHourAgo, bytes(BODY), List.of(secret));

		assertThatThrownBy(() -> new Webhook(secret.value()).verify(BODY, headers("msg_1", anHourAgo, signature)))
			.isInstanceOf(WebhookVerificationException.class);
	}

	@Test
	void whileASecretRotatesAReceiverKnowingEitherOneAccepts() {
		SigningSecret old = SigningSecret.generate(RANDOM);
		SigningSecret next = SigningSecret.generate(RANDOM);
		long now = Instant.now().getEpochSecond();
		String signature = WebhookSignature.header("msg_2", now, bytes(BODY), List.of(old, next));

		assertThat(signature.split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
		assertThatCode(() -> new Webhook(old.value()).verify(BODY, headers("msg_2", now, signature)))
			.doesNotThrowAnyException();
		assertThatCode(() -> new Webhook(next.value()).verify(BODY, headers("msg_2", now, signature)))
			.doesNotThrowAnyException();
		assertThatThrownBy(() -> new Webhook(SigningSecret.generate(RANDOM).value()).verify(BODY,
				headers("msg_2", now, signature)))
			.isInstanceOf(WebhookVerificationException.class);
	}

	@Test
	void aSecretIsNeverPrintedAndOnlyWellFormedOnesAreAccepted() {
		SigningSecret secret = SigningSecret.generate(RANDOM);
		assertThat(secret.toString()).doesNotContain(secret.value().substring(6));
		assertThat(SigningSecret.generate(RANDOM)).isNotEqualTo(secret);
		assertThatThrownBy(() -> new SigningSecret("not-a-secret")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SigningSecret("whsec_short")).isInstanceOf(IllegalArgumentException.class);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static HttpHeaders headers(String id, long timestamp, String signature) {
		return HttpHeaders.of(Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
				"webhook-signature", List.of(signature)), (name, value) -> true);
	}

}
