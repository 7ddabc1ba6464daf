package org.biochemsec2030.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.biochemsec2030.platform.test.Engines;
import org.biochemsec2030.platform.test.Identity;
import org.biochemsec2030.platform.test.Http;

/**
 * The whole suite as separate JVMs, started from the same runnable jars the container
 * images are built from, against the shared real engines. Each app gets its own port and
 * log file.
 */
final class SuiteProcesses implements AutoCloseable {

	static final List<String> SERVICES = List.of("content", "network", "tracker", "publishing");

	/**
	 * Only a bound for an app that never gets ready: five JVMs starting at once on a busy
	 * two-core machine have taken over five minutes.
	 */
	private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);

	private final Path root = Path.of(System.getProperty("bcs.root", "..")).toAbsolutePath().normalize();

	private final Path logs = Path.of(System.getProperty("bcs.e2e.logs", "target/e2e-logs"));

	private final Map<String, App> apps = new LinkedHashMap<>();

	record App(String module, int port, Process process, Path log, Map<String, String> env) {
	}

	SuiteProcesses start() throws IOException {
		Files.createDirectories(this.logs);
		// The whole suite's engines, identity and the gateway's session store included.
		// Each on its own platform thread: on two cores the common pool runs one task at
		// a
		// time, so the others would wait for Keycloak, the slowest; and virtual threads
		// blocked inside the engines' class initialisers would hold both carriers.
		try (var starting = Executors.newFixedThreadPool(5)) {
			List<Runnable> engines = List.of(Engines::keycloak, Engines::redis, Engines::postgres, Engines::kafka,
					Engines::elasticsearch);
			CompletableFuture
				.allOf(engines.stream()
					.map(engine -> CompletableFuture.runAsync(engine, starting))
					.toArray(CompletableFuture[]::new))
				.join();
		}
		Map<String, String> gatewayEnv = new LinkedHashMap<>();
		gatewayEnv.put("BCS_ELASTICSEARCH_URIS", Engines.elasticsearchUri());
		for (String service : SERVICES) {
			int port = freePort();
			Map<String, String> env = new LinkedHashMap<>();
			env.put("BCS_DB_URL", Engines.database(service));
			env.put("BCS_DB_USER", service);
			env.put("BCS_DB_PASSWORD", service);
			env.put("BCS_KAFKA_BOOTSTRAP_SERVERS", Engines.kafka().getBootstrapServers());
			env.put("BCS_ELASTICSEARCH_URIS", Engines.elasticsearchUri());
			env.put("BCS_ISSUER_URI", Identity.issuer());
			// Event handling logs at debug, with the trace id of the request behind the
			// event.
			env.put("LOGGING_LEVEL_ORG_BIOCHEMSEC2030_PLATFORM_EVENTS", "DEBUG");
			if (service.equals("network")) {
				// Member accounts through Keycloak's Admin API, and mail to the mail
				// catcher.
				env.put("BCS_NETWORK_CLIENT_SECRET", Identity.networkClientSecret());
				env.put("BCS_SMTP_HOST", Engines.mail().getHost());
				env.put("BCS_SMTP_PORT", Integer.toString(Engines.mail().getMappedPort(3025)));
			}
			if (service.equals("tracker")) {
				// Journey 4's feed is served by the test on the loopback address, which
				// the
				// outbound address policy refuses by default (it keeps analysts' sources
				// off
				// the suite's own internals); only tracker is told to read it here.
				env.put("BCS_TRACKER_ALLOWED_NETWORKS", "127.0.0.0/8");
			}
			if (service.equals("publishing")) {
				// Journey 5's partner endpoint is served by the test on the loopback
				// address over plain HTTP, both refused by default.
				env.put("BCS_PARTNERS_PLAIN_HTTP_ALLOWED", "true");
				env.put("BCS_PARTNERS_ALLOWED_NETWORKS", "127.0.0.0/8");
			}
			launch(service + "-service", port, env);
			gatewayEnv.put("BCS_" + service.toUpperCase() + "_URI", "http://localhost:" + port);
		}
		gatewayEnv.put("BCS_ISSUER_URI", Identity.issuer());
		gatewayEnv.put("BCS_GATEWAY_CLIENT_SECRET", Identity.gatewayClientSecret());
		gatewayEnv.put("BCS_PUBLIC_URL", "http://localhost:" + Identity.gatewayPort());
		gatewayEnv.put("BCS_REDIS_HOST", Engines.redis().getHost());
		gatewayEnv.put("BCS_REDIS_PORT", Integer.toString(Engines.redis().getMappedPort(6379)));
		// Every test signs in and writes from this one address: the limits stay on (the
		// drills
		// see them fail open without Redis) but far above what the suite sends.
		gatewayEnv.put("BCS_RATE_LIMIT_SEARCH", "100000");
		gatewayEnv.put("BCS_RATE_LIMIT_SIGN_IN", "100000");
		gatewayEnv.put("BCS_RATE_LIMIT_WRITES", "100000");
		// Actuator on a port of its own, as in a deployment (any free one here).
		gatewayEnv.put("BCS_MANAGEMENT_PORT", Integer.toString(freePort()));
		// The port the realm's redirect URI names.
		launch("gateway", Identity.gatewayPort(), gatewayEnv);
		for (App app : this.apps.values()) {
			awaitReady(app);
		}
		return this;
	}

	App app(String module) {
		return this.apps.get(module);
	}

	String gateway(String path) {
		return "http://localhost:" + app("gateway").port() + path;
	}

	/**
	 * An Actuator path of an app: on its management port where it has one (the gateway).
	 */
	String actuator(String module, String path) {
		return actuator(app(module), path);
	}

	private static String actuator(App app, String path) {
		return "http://localhost:" + app.env().getOrDefault("BCS_MANAGEMENT_PORT", Integer.toString(app.port())) + path;
	}

	/**
	 * Ends an app with SIGKILL, as the kernel's OOM killer or a lost node would: no
	 * shutdown hook runs, open transactions are left to the database to roll back.
	 */
	void kill(String module) throws InterruptedException {
		Process process = app(module).process();
		process.destroyForcibly();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException(module + " still runs after SIGKILL");
		}
	}

	/**
	 * Starts an app that ended again, from the same jar with the same port and settings,
	 * and waits until it is ready. Its log goes on in the same file.
	 */
	App restart(String module) throws IOException {
		App old = app(module);
		if (old.process().isAlive()) {
			throw new IllegalStateException(module + " still runs");
		}
		launch(module, old.port(), old.env());
		awaitReady(app(module));
		return app(module);
	}

	/**
	 * Sends SIGTERM to every app, as Docker and Kubernetes do, and waits for each to
	 * exit.
	 */
	List<App> stopAll() throws InterruptedException {
		List<App> stopped = new ArrayList<>();
		for (App app : this.apps.values()) {
			app.process().destroy();
		}
		for (App app : this.apps.values()) {
			if (app.process().waitFor(30, TimeUnit.SECONDS)) {
				stopped.add(app);
			}
			else {
				app.process().destroyForcibly();
			}
		}
		return stopped;
	}

	@Override
	public void close() {
		this.apps.values().forEach(app -> app.process().destroyForcibly());
	}

	private void launch(String module, int port, Map<String, String> env) throws IOException {
		Path jar = this.root.resolve(module).resolve("target").resolve(module + "-exec.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build the apps first (./mvnw package)");
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		Path log = this.logs.resolve(module + ".log");
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-jar", jar.toString());
		builder.environment().putAll(env);
		builder.environment().put("PORT", Integer.toString(port));
		// A restarted app's log goes on after its earlier life; a first start begins a
		// new
		// file.
		boolean again = this.apps.containsKey(module);
		builder.redirectErrorStream(true)
			.redirectOutput(
					again ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()));
		this.apps.put(module, new App(module, port, builder.start(), log, Map.copyOf(env)));
	}

	private void awaitReady(App app) {
		String url = actuator(app, "/actuator/health/readiness");
		try {
			Awaitility.await(app.module() + " ready")
				.atMost(READY_TIMEOUT)
				.pollInterval(Duration.ofMillis(500))
				.ignoreException(UncheckedIOException.class) // the port opens late in
																// start-up
				.until(() -> {
					if (!app.process().isAlive()) {
						throw new IllegalStateException(
								app.module() + " exited with " + app.process().exitValue() + " before it was ready");
					}
					return Http.get(url).status() == 200;
				});
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(ex.getMessage() + ", its log ends:\n" + tail(app.log()), ex);
		}
	}

	static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(log unreadable: " + ex.getMessage() + ")";
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
