package org.biochemsec2030.publishing.partner;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * An endpoint's signing secret in the Standard Webhooks form: {@code whsec_} followed by
 * the base64 of 32 random bytes. The partner sees it once, when it is made; the suite
 * keeps it to sign every delivery (an HMAC key cannot be stored as a hash).
 */
public record SigningSecret(String value) {

	static final String PREFIX = "whsec_";

	private static final int KEY_BYTES = 32;

	public SigningSecret {
		if (value == null || !value.startsWith(PREFIX)) {
			throw new IllegalArgumentException("a signing secret starts with " + PREFIX);
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("a signing secret is " + PREFIX + " and base64", ex);
		}
		if (key.length < 24 || key.length > 64) {
			throw new IllegalArgumentException("a signing secret holds 24 to 64 bytes");
		}
	}

	public static SigningSecret generate(SecureRandom random) {
		byte[] key = new byte[KEY_BYTES];
		random.nextBytes(key);
		return new SigningSecret(PREFIX + Base64.getEncoder().encodeToString(key));
	}

	byte[] key() {
		return Base64.getDecoder().decode(this.value.substring(PREFIX.length()));
	}

	/** Never the secret itself in logs or answers. */
	@Override
	public String toString() {
		return "SigningSecret[" + PREFIX + "…]";
	}

}
