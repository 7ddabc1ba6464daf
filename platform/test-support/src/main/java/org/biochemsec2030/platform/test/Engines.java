package org.biochemsec2030.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The real engines integration tests run against: PostgreSQL, Kafka, Elasticsearch,
 * Keycloak, Redis and the mail catcher (GreenMail), each started at most once per test
 * JVM (that is, once per Maven module) and shared by every test class in it. Image names
 * come from the build (system properties set by the parent POM) so the tests, the compose
 * file and the stand-in images agree on one list.
 */
public final class Engines {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	private Engines() {
	}

	public static PostgreSQLContainer postgres() {
		return PostgresHolder.CONTAINER;
	}

	public static KafkaContainer kafka() {
		return KafkaHolder.CONTAINER;
	}

	/**
	 * Stops the Kafka broker's container as an outage would, keeping its data and its
	 * host port; {@link #startKafka()} brings the same broker back.
	 */
	public static void stopKafka() {
		DockerClientFactory.instance().client().stopContainerCmd(kafka().getContainerId()).exec();
	}

	public static void startKafka() {
		DockerClientFactory.instance().client().startContainerCmd(kafka().getContainerId()).exec();
	}

	/**
	 * Stops an engine's container as an outage would (its process ends, every connection
	 * closes), keeping its data and its host ports: PostgreSQL, Kafka, Elasticsearch and
	 * Redis bind theirs explicitly, so clients find the same engine again after
	 * {@link #startAgain}. Pausing is not the same: connections stay open and clients
	 * only hang.
	 */
	public static void stop(GenericContainer<?> engine) {
		DockerClientFactory.instance().client().stopContainerCmd(engine.getContainerId()).exec();
	}

	/**
	 * Starts a container {@link #stop stopped} before. It returns once the container
	 * runs; the caller waits until the engine answers.
	 */
	public static void startAgain(GenericContainer<?> engine) {
		DockerClientFactory.instance().client().startContainerCmd(engine.getContainerId()).exec();
	}

	/**
	 * Freezes Keycloak's container as a hung identity provider would: connections are
	 * accepted and never answered. {@link #resumeKeycloak()} lets it go on where it
	 * stood, on the same address, with its data and sessions.
	 */
	public static void pauseKeycloak() {
		DockerClientFactory.instance().client().pauseContainerCmd(keycloak().getContainerId()).exec();
	}

	public static void resumeKeycloak() {
		DockerClientFactory.instance().client().unpauseContainerCmd(keycloak().getContainerId()).exec();
	}

	public static GenericContainer<?> elasticsearch() {
		return ElasticsearchHolder.CONTAINER;
	}

	/**
	 * Keycloak with the suite's own realm ({@code infra/keycloak}), its demo users and
	 * the test client of {@link Identity}. Started only by tests that ask for it: it is
	 * the slowest engine to start.
	 */
	public static GenericContainer<?> keycloak() {
		return KeycloakHolder.CONTAINER;
	}

	public static GenericContainer<?> redis() {
		return RedisHolder.CONTAINER;
	}

	/**
	 * The mail catcher of the compose suite: SMTP on 3025, IMAP on 3143, any address
	 * accepted and kept in a mailbox of its own (read with {@link Mail}).
	 */
	public static GenericContainer<?> mail() {
		return MailHolder.CONTAINER;
	}

	/**
	 * The mail catcher's address on Docker's bridge network, for other containers
	 * (Keycloak sends its own mail there).
	 */
	static String mailAddressForContainers() {
		return mail().getContainerInfo().getNetworkSettings().getIpAddress();
	}

	/**
	 * Starts every engine at once: their start-ups overlap well even on two cores. Each
	 * engine lives in its own holder class, so the JVM's class initialisation starts each
	 * exactly once and lets the three start concurrently.
	 */
	public static void startAll() {
		List<CompletableFuture<?>> starting = List.of(CompletableFuture.runAsync(Engines::postgres),
				CompletableFuture.runAsync(Engines::kafka), CompletableFuture.runAsync(Engines::elasticsearch));
		CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
	}

	private static final class PostgresHolder {

		static final PostgreSQLContainer CONTAINER = start(new PostgreSQLContainer(image("postgres", "postgres:17"))
			// The data is thrown away with the container: durability only costs time
			// here.
			.withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
			.withCreateContainerCmdModifier(fixedHostPort(5432)));

	}

	private static final class KafkaHolder {

		// The host port is chosen once and bound explicitly: the broker advertises it to
		// clients, and a container stopped and started again by a test (see
		// stopKafka) would otherwise come back on another port its clients never learn.
		static final int PORT = freePort();

		static final KafkaContainer CONTAINER = start(
				new KafkaContainer(image("kafka", "apache/kafka:4.1.1")).withEnv("KAFKA_HEAP_OPTS", "-Xms256m -Xmx256m")
					// A minute (the default) is not always enough on a busy two-core
					// machine.
					.withStartupTimeout(Duration.ofMinutes(5))
					.withCreateContainerCmdModifier(create -> create.getHostConfig()
						.withPortBindings(new PortBinding(Ports.Binding.bindPort(PORT), ExposedPort.tcp(9092)))));

	}

	private static final class ElasticsearchHolder {

		static final GenericContainer<?> CONTAINER = start(
				new GenericContainer<>(image("elasticsearch", "docker.elastic.co/elasticsearch/elasticsearch:8.19.21"))
					.withEnv("discovery.type", "single-node")
					.withEnv("xpack.security.enabled", "false")
					// CI disks can be nearly full; the watermark would otherwise refuse
					// to allocate shards.
					.withEnv("cluster.routing.allocation.disk.threshold_enabled", "false")
					.withEnv("ES_JAVA_OPTS", "-Xms384m -Xmx384m")
					.withExposedPorts(9200)
					.withCreateContainerCmdModifier(fixedHostPort(9200))
					.waitingFor(Wait.forHttp("/_cluster/health?wait_for_status=yellow&timeout=60s")
						.forPort(9200)
						.forStatusCode(200)
						.withStartupTimeout(Duration.ofMinutes(6))));

	}

	private static final class KeycloakHolder {

		static final GenericContainer<?> CONTAINER = KeycloakEngine.start();

	}

	private static final class RedisHolder {

		static final GenericContainer<?> CONTAINER = start(
				new GenericContainer<>(image("redis", "redis:8.0")).withExposedPorts(6379)
					.withCreateContainerCmdModifier(fixedHostPort(6379))
					.waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1)));

	}

	private static final class MailHolder {

		static final GenericContainer<?> CONTAINER = start(new GenericContainer<>(
				image("greenmail", "greenmail/standalone:2.1.7"))
			.withEnv("JAVA_OPTS", "-Djava.net.preferIPv4Stack=true -Xmx128m")
			// Only the protocols the tests use (and the API the readiness check asks),
			// with
			// time for each to start: GreenMail's own two seconds are not enough on a
			// busy
			// machine.
			.withEnv("GREENMAIL_OPTS",
					"-Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.hostname=0.0.0.0"
							+ " -Dgreenmail.api.hostname=0.0.0.0 -Dgreenmail.api.port=8080 -Dgreenmail.auth.disabled"
							+ " -Dgreenmail.startup.timeout=60000")
			.withExposedPorts(3025, 3143, 8080)
			.waitingFor(Wait.forHttp("/api/service/readiness")
				.forPort(8080)
				.forStatusCode(200)
				.withStartupTimeout(Duration.ofMinutes(6))));

	}

	public static String elasticsearchUri() {
		var es = elasticsearch();
		return "http://" + es.getHost() + ":" + es.getMappedPort(9200);
	}

	/**
	 * Creates (once) a database and an owner role of the given name, as production does
	 * with one database per service, and returns its JDBC URL. The password equals the
	 * name: test data only.
	 */
	public static synchronized String database(String name) {
		if (!IDENTIFIER.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a plain database name: " + name);
		}
		var pg = postgres();
		try (Connection connection = DriverManager.getConnection(pg.getJdbcUrl(), pg.getUsername(), pg.getPassword());
				Statement statement = connection.createStatement()) {
			boolean exists;
			try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
				exists = rs.next();
			}
			if (!exists) {
				statement.execute("create role " + name + " login password '" + name + "'");
				statement.execute("create database " + name + " owner " + name);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name, ex);
		}
		return "jdbc:postgresql://" + pg.getHost() + ":" + pg.getMappedPort(5432) + "/" + name;
	}

	static <C extends GenericContainer<?>> C start(C container) {
		container.start();
		// Without the Ryuk reaper (not available on our machines) nothing else removes
		// the container.
		Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-" + container.getDockerImageName()));
		return container;
	}

	/**
	 * Binds the engine's port to a host port chosen once: a container stopped and started
	 * again (see {@link #stop}) would otherwise come back on another port that clients
	 * already connected never learn.
	 */
	private static Consumer<CreateContainerCmd> fixedHostPort(int containerPort) {
		int hostPort = freePort();
		return create -> create.getHostConfig()
			.withPortBindings(new PortBinding(Ports.Binding.bindPort(hostPort), ExposedPort.tcp(containerPort)));
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static DockerImageName image(String key, String fallback) {
		return DockerImageName.parse(System.getProperty("bcs.image." + key, fallback));
	}

}
