package org.biochemsec2030.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.MountableFile;

/**
 * Starts Keycloak the way the compose suite does: the image from
 * {@code infra/keycloak/Dockerfile} (build step done once, {@code start --optimized}),
 * the realm file from the repository imported at start, then the demo data and the test
 * client loaded as partial imports, like {@code infra/keycloak/demo/load.sh}.
 */
final class KeycloakEngine {

	static final String ADMIN = "admin";

	static final String ADMIN_PASSWORD = "admin-for-tests";

	static final String GATEWAY_SECRET = "gateway-secret-for-tests";

	static final String NETWORK_SECRET = "network-secret-for-tests";

	/**
	 * The port a gateway under test listens on. The realm registers the gateway's
	 * redirect URI exactly (no wildcards), so the port is chosen before Keycloak imports
	 * the realm.
	 */
	static final int GATEWAY_PORT = Engines.freePort();

	private KeycloakEngine() {
	}

	static GenericContainer<?> start() {
		Path infra = repositoryRoot().resolve("infra/keycloak");
		var image = new ImageFromDockerfile("biochemsec/keycloak:dev", false).withFileFromPath(".", infra)
			.withBuildArg("KEYCLOAK_IMAGE",
					Engines.image("keycloak", "quay.io/keycloak/keycloak:26.7.3").asCanonicalNameString());
		// The realm sends its own mail (execute-actions, password reset) to the mail
		// catcher,
		// which it reaches over Docker's bridge network.
		String smtpHost = Engines.mailAddressForContainers();
		GenericContainer<?> keycloak = new GenericContainer<>(image)
			.withCommand("start", "--optimized", "--http-enabled=true", "--http-port=8180", "--hostname-strict=false",
					"--import-realm")
			.withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN)
			.withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD)
			.withEnv("BCS_GATEWAY_CLIENT_SECRET", GATEWAY_SECRET)
			.withEnv("BCS_NETWORK_CLIENT_SECRET", NETWORK_SECRET)
			.withEnv("BCS_PUBLIC_URL", "http://localhost:" + GATEWAY_PORT)
			.withEnv("BCS_SMTP_HOST", smtpHost)
			.withEnv("BCS_SMTP_PORT", "3025")
			.withEnv("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx512m")
			.withCopyFileToContainer(MountableFile.forHostPath(infra.resolve("biochemsec-realm.json")),
					"/opt/keycloak/data/import/biochemsec-realm.json")
			.withExposedPorts(8180)
			.waitingFor(Wait.forHttp("/realms/" + Identity.REALM + "/.well-known/openid-configuration")
				.forPort(8180)
				.forStatusCode(200)
				// First start imports the realm; with other builds on two cores that has
				// taken more than six minutes.
				.withStartupTimeout(Duration.ofMinutes(12)));
		Engines.start(keycloak);
		String base = "http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(8180);
		for (String partialImport : partialImports(infra)) {
			Identity.partialImport(base, partialImport);
		}
		return keycloak;
	}

	private static List<String> partialImports(Path infra) {
		List<String> imports = new ArrayList<>();
		try (Stream<Path> demo = Files.list(infra.resolve("demo"))) {
			for (Path file : demo.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
				imports.add(Files.readString(file));
			}
			try (var testClients = KeycloakEngine.class.getResourceAsStream("/keycloak/test-clients.json")) {
				imports.add(new String(testClients.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return imports;
	}

	/**
	 * The build tells where the repository is; run from an IDE, the working directory is
	 * a module somewhere below it.
	 */
	static Path repositoryRoot() {
		String configured = System.getProperty("bcs.repo.root");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve("infra/keycloak"))) {
				return dir;
			}
		}
		throw new IllegalStateException("Cannot find the repository (infra/keycloak); set -Dbcs.repo.root");
	}

}
