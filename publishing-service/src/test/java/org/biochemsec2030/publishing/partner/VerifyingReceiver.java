package org.biochemsec2030.publishing.partner;

// docs/partners.md shows this class as it is (PartnerDocsTests keeps the two the same).
// example:begin
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Checks a BioChemSec 2030 webhook delivery with nothing but the JDK. */
public final class VerifyingReceiver {

	private static final Duration TOLERANCE = Duration.ofMinutes(5);

	private final byte[] key;

	/**
	 * @param secret the endpoint's secret as shown once, "whsec_..."
	 */
	public VerifyingReceiver(String secret) {
		this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
	}

	/**
	 * Whether a delivery is authentic and fresh. Pass the three headers as received and
	 * the body exactly as received, before parsing it.
	 */
	public boolean verify(String id, String timestamp, String signatures, byte[] body, Instant now)
			throws GeneralSecurityException {
		if (id == null || timestamp == null || signatures == null) {
			return false;
		}
		long sent;
		try {
			sent = Long.parseLong(timestamp);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		if (Duration.between(Instant.ofEpochSecond(sent), now).abs().compareTo(TOLERANCE) > 0) {
			return false; // too old or from the future: a replay
		}
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
		mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
		byte[] expected = mac.doFinal(body);
		// While a secret rotates a delivery carries several signatures: one match is
		// enough.
		for (String signature : signatures.split(" ")) {
			if (signature.startsWith("v1,")) {
				byte[] given = Base64.getDecoder().decode(signature.substring(3));
				if (MessageDigest.isEqual(expected, given)) {
					return true;
				}
			}
		}
		return false;
	}

}
// example:end
