package org.biochemsec2030.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.biochemsec2030.platform.test.Identity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service whose identity provider hangs: the key set address accepts connections but
 * never answers, as a Keycloak stuck in a long pause would. A real token then cannot be
 * checked; the client learns that the sign-in service is unavailable instead of getting a
 * 500, and reads that need no token go on.
 */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bcs.security.staff-roles=editor", "bcs.security.key-set-timeout=1s",
				"spring.flyway.locations=classpath:db/platform" })
class KeySetOutageIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	// Never accepted: the kernel completes the connection, nobody ever reads or writes.
	private static final ServerSocket SILENT = silentSocket();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		SecuredTestApplication.engines(registry);
		registry.add("bcs.security.jwk-set-uri",
				() -> "http://127.0.0.1:" + SILENT.getLocalPort() + "/realms/biochemsec/protocol/openid-connect/certs");
	}

	@AfterAll
	static void closeSocket() throws IOException {
		SILENT.close();
	}

	@Test
	void tokenThatCannotBeCheckedGetsA503ProblemThatInvitesARetry() throws Exception {
		HttpResponse<String> response = HTTP.send(
				request("/admin/demo").header("Authorization", "Bearer " + Identity.tokenFor("editor")).GET().build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":503").contains("sign-in service");
	}

	@Test
	void publicReadsNeedNoKeysAndGoOn() throws Exception {
		HttpResponse<String> response = HTTP.send(request("/api/demo/v1/things").GET().build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private static ServerSocket silentSocket() {
		try {
			return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
