package org.biochemsec2030.publishing.partner;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} header of a delivery, per Standard Webhooks: for each
 * secret in force, {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body},
 * separated by spaces. While a secret rotates the old and the new one both sign, so a
 * receiver that knows either accepts the delivery.
 */
final class WebhookSignature {

	private WebhookSignature() {
	}

	static String header(String id, long timestampSeconds, byte[] body, List<SigningSecret> secrets) {
		if (secrets.isEmpty()) {
			throw new IllegalArgumentException("at least one secret signs a delivery");
		}
		byte[] signed = signedContent(id, timestampSeconds, body);
		return secrets.stream().map(secret -> "v1," + hmac(secret.key(), signed)).collect(Collectors.joining(" "));
	}

	private static byte[] signedContent(String id, long timestampSeconds, byte[] body) {
		byte[] prefix = (id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
		byte[] content = new byte[prefix.length + body.length];
		System.arraycopy(prefix, 0, content, 0, prefix.length);
		System.arraycopy(body, 0, content, prefix.length, body.length);
		return content;
	}

	private static String hmac(byte[] key, byte[] content) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(content));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			// Every JDK has HmacSHA256 and accepts any non-empty key: this cannot happen.
			throw new IllegalStateException(ex);
		}
	}

}
