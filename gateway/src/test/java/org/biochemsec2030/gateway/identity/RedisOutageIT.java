package org.biochemsec2030.gateway.identity;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.biochemsec2030.platform.test.Identity;
import org.biochemsec2030.platform.test.SignInBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session store goes down and comes back: a Redis of this class's own (the module's
 * shared one serves the other test classes), stopped and started as an outage would, on a
 * fixed host port so the gateway finds it again. Sign-in is real (Keycloak), so this
 * gateway listens on the port the realm knows, like SignInIT's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "bcs.rate-limits.writes=1", "spring.data.redis.timeout=1s" })
@DirtiesContext
class RedisOutageIT {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final int REDIS_PORT = freePort();

	private static final GenericContainer<?> REDIS = new GenericContainer<>(
			DockerImageName.parse(System.getProperty("bcs.image.redis", "redis:8.0")))
		.withExposedPorts(6379)
		.withCreateContainerCmdModifier(create -> create.getHostConfig()
			.withPortBindings(new PortBinding(Ports.Binding.bindPort(REDIS_PORT), ExposedPort.tcp(6379))))
		.waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1));

	private static final HttpClient ANONYMOUS = HttpClient.newHttpClient();

	private static HttpServer content;

	private static String gateway() {
		return "http://localhost:" + Identity.gatewayPort();
	}

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) throws IOException {
		REDIS.start();
		content = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		content.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			String who = exchange.getRequestHeaders().containsKey("Authorization") ? "signed in" : "anonymous";
			byte[] body = ("content " + exchange.getRequestMethod() + " " + who).getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		content.start();
		registry.add("BCS_CONTENT_URI", () -> "http://127.0.0.1:" + content.getAddress().getPort());
		registry.add("server.port", Identity::gatewayPort);
		registry.add("bcs.identity.issuer-uri", Identity::issuer);
		registry.add("bcs.identity.client-secret", Identity::gatewayClientSecret);
		registry.add("bcs.identity.public-url", RedisOutageIT::gateway);
		registry.add("spring.data.redis.host", () -> "localhost");
		registry.add("spring.data.redis.port", () -> REDIS_PORT);
	}

	@AfterAll
	static void stop() {
		content.stop(0);
		REDIS.stop();
	}

	@Test
	void readersKeepReadingAndSignedInUsersAreAskedToSignInAgainWhileRedisIsDown() throws Exception {
		SignInBrowser editor = new SignInBrowser();
		assertThat(editor.signIn(gateway() + "/account", "editor", "demo-editor").body())
			.contains("<dd id=\"user-name\">editor</dd>");
		// One write a minute per client: the second is refused while Redis counts.
		assertThat(anonymous("POST", "/api/content/v1/posts").statusCode()).isEqualTo(200);
		assertThat(anonymous("POST", "/api/content/v1/posts").statusCode()).isEqualTo(429);

		DockerClientFactory.instance().client().stopContainerCmd(REDIS.getContainerId()).exec();
		try {
			assertThat(anonymous("GET", "/").statusCode()).isEqualTo(200);
			assertThat(anonymous("GET", "/assets/bcs.css").statusCode()).isEqualTo(200);
			HttpResponse<String> post = anonymous("GET", "/blog/a-post");
			assertThat(post.statusCode()).isEqualTo(200);
			assertThat(post.body()).isEqualTo("content GET anonymous");
			// Limits fail open: nothing counts, nothing is refused.
			for (int write = 0; write < 2; write++) {
				assertThat(anonymous("POST", "/api/content/v1/posts").statusCode()).isEqualTo(200);
			}

			// The session cannot be read: the editor reads as anyone ...
			HttpResponse<String> asAnyone = editor.get(gateway() + "/blog/a-post", Map.of());
			assertThat(asAnyone.statusCode()).isEqualTo(200);
			assertThat(asAnyone.body()).isEqualTo("content GET anonymous");
			// ... and is asked to sign in again where that is needed,
			HttpResponse<String> account = editor.get(gateway() + "/account", Map.of());
			assertThat(account.statusCode()).isEqualTo(302);
			assertThat(account.headers().firstValue("Location")).hasValue("/oauth2/authorization/keycloak");
			// which cannot complete without a session, and says so without an error.
			HttpResponse<String> signIn = editor.open(gateway() + "/account");
			assertThat(signIn.statusCode()).isEqualTo(200);
			assertThat(signIn.body()).contains("Sign-in did not complete");
		}
		finally {
			DockerClientFactory.instance().client().startContainerCmd(REDIS.getContainerId()).exec();
		}

		// Back: signing in works again (Keycloak still knows the editor: no password).
		HttpResponse<String> again = untilSignedIn(editor);
		assertThat(again.body()).contains("<dd id=\"user-name\">editor</dd>");
	}

	/** Redis takes a moment to accept connections again, and the client to reconnect. */
	private static HttpResponse<String> untilSignedIn(SignInBrowser browser) {
		var account = new java.util.concurrent.atomic.AtomicReference<HttpResponse<String>>();
		Awaitility.await("signed in again after Redis is back")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				account.set(browser.open(gateway() + "/account"));
				return account.get().body().contains("user-name");
			});
		return account.get();
	}

	private static HttpResponse<String> anonymous(String method, String path) throws Exception {
		var request = HttpRequest.newBuilder(URI.create(gateway() + path))
			.header("Accept", BROWSER)
			.timeout(Duration.ofSeconds(30));
		if (method.equals("POST")) {
			request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
		}
		return ANONYMOUS.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
