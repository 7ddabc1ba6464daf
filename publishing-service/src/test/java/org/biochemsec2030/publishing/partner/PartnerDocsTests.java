package org.biochemsec2030.publishing.partner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receiver example in docs/partners.md compiles (it is this module's code) and works.
 */
class PartnerDocsTests {

	private static final byte[] BODY = "{\"specversion\":\"1.0\",\"id\":\"e-9\"}".getBytes(StandardCharsets.UTF_8);

	@Test
	void theDocumentedExampleIsTheCompiledOne() throws Exception {
		String docs = Files.readString(Path.of("..", "docs", "partners.md"));
		String source = Files
			.readString(Path.of("src/test/java/org/biochemsec2030/publishing/partner/VerifyingReceiver.java"));
		String example = source.substring(source.indexOf("// example:begin\n") + "// example:begin\n".length(),
				source.indexOf("// example:end"));
		assertThat(docs).contains("```java\n" + example + "```");
	}

	@Test
	void theExampleAcceptsOurDeliveriesAndRefusesTamperedOrStaleOnes() throws Exception {
		SigningSecret old = SigningSecret.generate(new SecureRandom());
		SigningSecret current = SigningSecret.generate(new SecureRandom());
		Instant now = Instant.now();
		long sent = now.getEpochSecond();
		String signatures = WebhookSignature.header("e-9", sent, BODY, List.of(current, old));

		assertThat(new VerifyingReceiver(old.value()).verify("e-9", Long.toString(sent), signatures, BODY, now))
			.isTrue();
		assertThat(new VerifyingReceiver(current.value()).verify("e-9", Long.toString(sent), signatures, BODY, now))
			.isTrue();
		byte[] tampered = "{\"specversion\":\"1.0\",\"id\":\"e-8\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(new VerifyingReceiver(current.value()).verify("e-9", Long.toString(sent), signatures, tampered, now))
			.isFalse();
		assertThat(new VerifyingReceiver(current.value()).verify("e-9", Long.toString(sent), signatures, BODY,
				now.plusSeconds(600)))
			.isFalse();
		assertThat(new VerifyingReceiver(SigningSecret.generate(new SecureRandom()).value()).verify("e-9",
				Long.toString(sent), signatures, BODY, now))
			.isFalse();
		assertThat(new VerifyingReceiver(current.value()).verify("e-9", "soon", signatures, BODY, now)).isFalse();
	}

}
