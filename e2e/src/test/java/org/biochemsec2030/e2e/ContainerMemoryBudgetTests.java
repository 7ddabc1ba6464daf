package org.biochemsec2030.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Every container's memory limit in docker-compose.yml holds what its JVMs may take, as
 * their options cap it: heap, metaspace, code cache, direct buffers and platform thread
 * stacks, plus an allowance for the JVM's own native memory, with
 * {@value #HEADROOM_PERCENT} % of the limit to spare. The options are read where the
 * containers get them: the compose file's environment, infra/app/Dockerfile for the apps,
 * infra/images/kafka for Kafka's command-line tools (one of which an operator may run
 * inside the broker's container).
 *
 * <p>
 * A JVM without a ceiling on any of these fails the test: an uncapped metaspace or a
 * default code cache (240 MB) or direct memory (as large as the heap) is how a container
 * ends up OOM-killed. The thread counts and the native allowance are the assumptions;
 * bench/README.md has the threads and peaks measured under load, which they must stay
 * above.
 */
class ContainerMemoryBudgetTests {

	private static final int HEADROOM_PERCENT = 5;

	/**
	 * The JVM's memory outside heap, metaspace, code cache, direct buffers and stacks, as
	 * native memory tracking showed it for the apps (bench/README.md): symbols 18-19 MB,
	 * the class data sharing archive 14, compiler arenas 3-10, collector structures, and
	 * 28-40 MB of malloc arenas and libraries that RSS has above the tracked total.
	 */
	private static final long NATIVE_ALLOWANCE = mib(80);

	/** Containers without a JVM: their own settings bound them (bench/README.md). */
	private static final Set<String> NOT_JAVA = Set.of("postgres", "redis");

	/**
	 * Platform threads per JVM, above the most measured under load (bench/README.md,
	 * Memory limits: apps 30-47, Kafka 101, Elasticsearch 46, Keycloak 46, mail 22).
	 */
	private static final Map<String, Integer> THREADS = Map.of("app", 80, "kafka", 130, "kafka-tool", 30,
			"elasticsearch", 90, "keycloak", 120, "keycloak-demo", 30, "mail", 40);

	private static final Path ROOT = Path.of(System.getProperty("bcs.root", ".."));

	private final Map<String, Map<String, Object>> services = Compose.services(ROOT);

	@Test
	void everyContainerHasAMemoryLimit() {
		assertThat(this.services).allSatisfy((name, service) -> assertThat(service).as(name).containsKey("mem_limit"));
	}

	@Test
	void everyJavaContainerHoldsItsJvmsWithRoomToSpare() throws IOException {
		List<String> checked = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (Map.Entry<String, Map<String, Object>> entry : this.services.entrySet()) {
			String name = entry.getKey();
			if (NOT_JAVA.contains(name)) {
				continue;
			}
			long limit = bytes(String.valueOf(entry.getValue().get("mem_limit")));
			try {
				long total = 0;
				for (Jvm jvm : jvmsOf(name, entry.getValue())) {
					total += jvm.budget(limit);
				}
				checked.add(name);
				if (total > limit * (100 - HEADROOM_PERCENT) / 100) {
					problems.add(
							String.format("%s: its JVMs may take %d MiB; its limit of %d MiB must leave %d %% to spare",
									name, total / mib(1), limit / mib(1), HEADROOM_PERCENT));
				}
			}
			catch (IllegalStateException ex) {
				problems.add(name + ": " + ex.getMessage());
			}
		}
		assertThat(problems).isEmpty();
		assertThat(checked).hasSize(this.services.size() - NOT_JAVA.size());
	}

	@Test
	void redisKeepsItsDataWellInsideItsLimit() {
		Map<String, Object> redis = this.services.get("redis");
		List<?> command = (List<?>) redis.get("command");
		String maxMemory = String.valueOf(command.get(command.indexOf("--maxmemory") + 1));
		// A quarter of the limit left for the server itself and for the append-only
		// rewrite, whose forked child's copy-on-write pages count against the same limit.
		assertThat(bytes(maxMemory)).isLessThanOrEqualTo(bytes(String.valueOf(redis.get("mem_limit"))) / 4 * 3);
	}

	@Test
	void aJvmWithoutACeilingOnItsCodeCacheFails() {
		Jvm uncapped = Jvm.of("app", "-Xmx128m -XX:MaxMetaspaceSize=128m -XX:MaxDirectMemorySize=32m -Xss512k");

		assertThatIllegalStateException().isThrownBy(() -> uncapped.budget(mib(512)))
			.withMessageContaining("ReservedCodeCacheSize");
	}

	@Test
	void theHeapIsTheShareOfTheLimitOrTheExplicitMaximum() {
		Jvm byShare = Jvm.of("app", "-XX:MaxRAMPercentage=25 -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m"
				+ " -XX:MaxDirectMemorySize=32m -Xss512k");
		Jvm explicit = Jvm.of("app", "-XX:MaxRAMPercentage=25 -Xmx64m -XX:MaxMetaspaceSize=128m"
				+ " -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=32m -Xss512k");

		long rest = mib(128 + 48 + 32) + 80 * kib(512) + NATIVE_ALLOWANCE;
		assertThat(byShare.budget(mib(512))).isEqualTo(mib(128) + rest);
		assertThat(explicit.budget(mib(512))).isEqualTo(mib(64) + rest);
	}

	/** The JVMs a container may run at once, with the options each one gets. */
	private List<Jvm> jvmsOf(String name, Map<String, Object> service) throws IOException {
		Map<String, String> env = environment(service);
		if (isApp(service)) {
			return List.of(Jvm.of("app", appOptions(env)));
		}
		return switch (name) {
			case "kafka" ->
				List.of(Jvm.of("kafka", env.get("KAFKA_HEAP_OPTS") + " " + env.get("KAFKA_JVM_PERFORMANCE_OPTS")),
						Jvm.of("kafka-tool", kafkaToolOptions(env)));
			case "elasticsearch" -> List.of(Jvm.of(name, env.get("ES_JAVA_OPTS")));
			case "keycloak" -> List.of(Jvm.of(name, env.get("JAVA_OPTS_KC_HEAP") + " " + env.get("JAVA_OPTS_APPEND")));
			case "keycloak-demo" -> List.of(Jvm.of(name, env.get("KC_OPTS")));
			case "mail" -> List.of(Jvm.of(name, env.get("JAVA_OPTS")));
			default -> throw new IllegalStateException("No memory budget for container " + name
					+ ": add where its JVM options come from, or list it among those without a JVM");
		};
	}

	private static boolean isApp(Map<String, Object> service) {
		return service.get("build") instanceof Map<?, ?> build
				&& String.valueOf(build.get("dockerfile")).endsWith("infra/app/Dockerfile");
	}

	/**
	 * The java command of infra/app/Dockerfile, its variables from compose or the image.
	 */
	private static String appOptions(Map<String, String> composeEnv) throws IOException {
		String dockerfile = Files.readString(ROOT.resolve("infra/app/Dockerfile"));
		Map<String, String> env = new LinkedHashMap<>();
		Matcher envLine = Pattern.compile("(?m)^ENV (.+)$").matcher(dockerfile);
		while (envLine.find()) {
			for (String pair : envLine.group(1).trim().split("\\s+")) {
				String[] kv = pair.split("=", 2);
				env.put(kv[0], kv[1]);
			}
		}
		env.putAll(composeEnv);
		Matcher java = Pattern.compile("exec java (.*?) -jar app\\.jar").matcher(dockerfile);
		assertThat(java.find()).as("the java command in infra/app/Dockerfile").isTrue();
		String options = java.group(1).replace("\\\"", "");
		for (Map.Entry<String, String> variable : env.entrySet()) {
			options = options.replace("$" + variable.getKey(), variable.getValue());
		}
		assertThat(options).as("every variable of the java command is set").doesNotContain("$");
		return options;
	}

	/** What infra/images/kafka's tool scripts give a tool unless the environment says. */
	private static String kafkaToolOptions(Map<String, String> env) throws IOException {
		String script = Files.readString(ROOT.resolve("infra/images/kafka/bin/kafka-tool.sh"));
		return toolVariable(script, env, "KAFKA_TOOLS_HEAP_OPTS") + " "
				+ toolVariable(script, env, "KAFKA_TOOLS_JVM_OPTS");
	}

	private static String toolVariable(String script, Map<String, String> env, String name) {
		if (env.containsKey(name)) {
			return env.get(name);
		}
		Matcher fallback = Pattern.compile("\\$\\{" + name + ":-([^}]*)}").matcher(script);
		assertThat(fallback.find()).as("the default of %s in kafka-tool.sh", name).isTrue();
		return fallback.group(1);
	}

	private static Map<String, String> environment(Map<String, Object> service) {
		Map<String, String> env = new LinkedHashMap<>();
		if (service.get("environment") instanceof Map<?, ?> variables) {
			variables.forEach((key, value) -> env.put(String.valueOf(key), String.valueOf(value)));
		}
		return env;
	}

	/**
	 * One JVM's options, and what they let it take inside a container of a given limit.
	 */
	record Jvm(String kind, Map<String, String> flags) {

		static Jvm of(String kind, String options) {
			if (options == null || options.contains("null")) {
				throw new IllegalStateException("JVM options of " + kind + " are not all set: " + options);
			}
			Map<String, String> flags = new LinkedHashMap<>();
			// As the JVM reads them: the last occurrence of a flag wins.
			for (String option : options.trim().split("\\s+")) {
				if (option.startsWith("-Xmx") || option.startsWith("-Xss")) {
					flags.put(option.substring(0, 4), option.substring(4));
				}
				else if (option.startsWith("-XX:") && option.contains("=")) {
					String[] kv = option.substring(4).split("=", 2);
					flags.put(kv[0], kv[1]);
				}
			}
			return new Jvm(kind, flags);
		}

		long budget(long limit) {
			long heap = flags.containsKey("-Xmx") ? bytes(flags.get("-Xmx"))
					: (long) (limit * Double.parseDouble(required("MaxRAMPercentage")) / 100);
			long threads = (long) THREADS.get(this.kind) * bytes(required("-Xss"));
			return heap + bytes(required("MaxMetaspaceSize")) + bytes(required("ReservedCodeCacheSize"))
					+ bytes(required("MaxDirectMemorySize")) + threads + NATIVE_ALLOWANCE;
		}

		private String required(String flag) {
			String value = this.flags.get(flag);
			if (value == null) {
				throw new IllegalStateException(this.kind + " has no ceiling " + flag + " in its JVM options "
						+ this.flags + ": without one it can outgrow its container");
			}
			return value;
		}

	}

	static long bytes(String size) {
		Matcher m = Pattern.compile("(?i)(\\d+)([kmg]?)b?").matcher(size.trim());
		if (!m.matches()) {
			throw new IllegalArgumentException("Not a memory size: " + size);
		}
		long value = Long.parseLong(m.group(1));
		return switch (m.group(2).toLowerCase()) {
			case "k" -> value * 1024;
			case "m" -> value * 1024 * 1024;
			case "g" -> value * 1024 * 1024 * 1024;
			default -> value;
		};
	}

	private static long mib(long n) {
		return n * 1024 * 1024;
	}

	private static long kib(long n) {
		return n * 1024;
	}

}
