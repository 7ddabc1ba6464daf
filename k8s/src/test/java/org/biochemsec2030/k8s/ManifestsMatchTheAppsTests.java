package org.biochemsec2030.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.biochemsec2030.k8s.Code.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests cannot drift from the apps: images, ports, probe paths, environment
 * variables, databases, topics, ACLs, index names and metric names are compared with what
 * each app's own configuration and code say.
 */
class ManifestsMatchTheAppsTests {

	static Stream<Arguments> appsInOverlays() {
		return Manifests.OVERLAYS.stream().flatMap((o) -> Code.APPS.stream().map((a) -> Arguments.of(o, a)));
	}

	static Stream<Arguments> servicesInOverlays() {
		return Manifests.OVERLAYS.stream().flatMap((o) -> Code.SERVICES.stream().map((a) -> Arguments.of(o, a)));
	}

	@ParameterizedTest(name = "{1} in {0}")
	@MethodSource("appsInOverlays")
	void deploymentRunsTheAppsImageOnItsOwnPortUnderItsOwnName(String overlay, String app) {
		JsonNode yml = Code.applicationYml(app);
		assertThat(yml.path("spring").path("application").path("name").asString()).isEqualTo(app);
		int port = defaultPort(yml);

		JsonNode deployment = Manifests.one(overlay, "Deployment", app);
		assertThat(deployment.path("metadata").path("labels").path("app.kubernetes.io/name").asString()).isEqualTo(app);
		JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
		assertThat(container.path("image").asString()).startsWith("biochemsec/" + app + ":");
		assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(port);
		assertThat(environment(overlay, app)).containsEntry("PORT", String.valueOf(port));

		JsonNode service = Manifests.one(overlay, "Service", app);
		assertThat(service.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(port);
		assertThat(service.path("spec").path("selector").path("app.kubernetes.io/name").asString()).isEqualTo(app);
		assertThat(deployment.path("spec").path("template").path("spec").path("serviceAccountName").asString())
			.isEqualTo(Manifests.name(Manifests.one(overlay, "ServiceAccount", app)));
	}

	@ParameterizedTest(name = "{1} in {0}")
	@MethodSource("appsInOverlays")
	void probesAskTheActuatorGroupsTheAppsExpose(String overlay, String app) {
		JsonNode defaults = Manifests.parse(Manifests.read(Code.configFiles(app).getLast())).get(0);
		JsonNode health = defaults.path("management").path("endpoint").path("health");
		assertThat(health.path("probes").path("enabled").asBoolean()).isTrue();
		assertThat(health.path("group").path("liveness").path("include").asString()).isEqualTo("livenessState");

		JsonNode container = container(overlay, app);
		assertThat(container.path("livenessProbe").path("httpGet").path("path").asString())
			.isEqualTo("/actuator/health/liveness");
		assertThat(container.path("startupProbe").path("httpGet").path("path").asString())
			.isEqualTo("/actuator/health/liveness");
		assertThat(container.path("readinessProbe").path("httpGet").path("path").asString())
			.isEqualTo("/actuator/health/readiness");
		for (String probe : List.of("livenessProbe", "startupProbe", "readinessProbe")) {
			assertThat(container.path(probe).path("httpGet").path("port").asString())
				.isEqualTo(actuatorPort(overlay, app));
		}
	}

	@ParameterizedTest(name = "{1} in {0}")
	@MethodSource("appsInOverlays")
	void terminationLeavesTimeForThePreStopPauseAndTheAppsDrain(String overlay, String app) {
		JsonNode defaults = Manifests.parse(Manifests.read(Code.configFiles(app).getLast())).get(0);
		assertThat(defaults.path("server").path("shutdown").asString()).isEqualTo("graceful");
		Duration drain = duration(
				defaults.path("spring").path("lifecycle").path("timeout-per-shutdown-phase").asString());
		JsonNode pod = Manifests.one(overlay, "Deployment", app).path("spec").path("template").path("spec");
		int preStop = container(overlay, app).path("lifecycle").path("preStop").path("sleep").path("seconds").asInt();
		assertThat(preStop).isPositive();
		assertThat(pod.path("terminationGracePeriodSeconds").asLong())
			.isGreaterThanOrEqualTo(preStop + drain.toSeconds() + 5);
	}

	@ParameterizedTest(name = "{1} in {0}")
	@MethodSource("appsInOverlays")
	void everyEnvironmentVariableIsOneTheAppReads(String overlay, String app) {
		Set<String> placeholders = Code.placeholders(app)
			.stream()
			.map(Code.Placeholder::name)
			.collect(Collectors.toSet());
		Set<String> image = Code.imageVariables();
		for (String name : environment(overlay, app).keySet()) {
			boolean read = placeholders.contains(name) || image.contains(name) || isSpringProperty(name)
					|| Code.isRecordProperty(canonical(name));
			assertThat(read).as(app + " does not read " + name).isTrue();
		}
	}

	@ParameterizedTest(name = "{1} in {0}")
	@MethodSource("appsInOverlays")
	void everyVariableWithoutADefaultIsSet(String overlay, String app) {
		Set<String> set = environment(overlay, app).keySet();
		for (Code.Placeholder placeholder : Code.placeholders(app)) {
			if (placeholder.required() && !placeholder.name().equals("BCS_JWK_SET_URI")
					&& !placeholder.name().equals("BCS_KEYCLOAK_BACKCHANNEL_URI")
					&& !placeholder.name().equals("BCS_REDIS_PASSWORD")) {
				assertThat(set).as(app + " needs " + placeholder.name()).contains(placeholder.name());
			}
		}
	}

	@Test
	void theEnvironmentCheckRefusesAVariableNoAppReads() {
		assertThat(isSpringProperty("SPRING_KAFKA_BOOTSTRAP_SERVRES")).isFalse();
		assertThat(isSpringProperty("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).isTrue();
		assertThat(Code.isRecordProperty("bcs.search.username")).isTrue();
		assertThat(Code.isRecordProperty("bcs.search.user")).isFalse();
		assertThat(Code.placeholders("gateway")).extracting(Code.Placeholder::name).doesNotContain("BCS_DB_URL");
	}

	@ParameterizedTest(name = "{1} in {0}")
	@MethodSource("appsInOverlays")
	void gatewayReachesEveryServiceAtItsServiceNameAndPort(String overlay, String app) {
		if (app.equals("gateway")) {
			return;
		}
		String variable = "BCS_" + app.replace("-service", "").toUpperCase() + "_URI";
		assertThat(Code.placeholders("gateway")).extracting(Code.Placeholder::name).contains(variable);
		assertThat(environment(overlay, "gateway")).containsEntry(variable,
				"http://" + app + ":" + defaultPort(Code.applicationYml(app)));
	}

	@ParameterizedTest(name = "{1} in {0}")
	@MethodSource("servicesInOverlays")
	void everyServiceHasItsOwnDatabaseAndRole(String overlay, String app) {
		String database = Code.applicationYml(app).path("bcs").path("database").asString();
		assertThat(database).isNotBlank();
		Map<String, String> env = environment(overlay, app);
		assertThat(env.get("BCS_DB_URL")).isEqualTo("jdbc:postgresql://bcs-db-rw:5432/" + database);
		assertThat(env).containsEntry("BCS_DB_USER", database);

		JsonNode db = Manifests.one(overlay, "Database", database);
		assertThat(db.path("spec").path("name").asString()).isEqualTo(database);
		assertThat(db.path("spec").path("owner").asString()).isEqualTo(database);
		JsonNode role = roles(overlay).get(database);
		assertThat(role).as("managed role " + database).isNotNull();
		assertThat(role.path("passwordSecret").path("name").asString())
			.isEqualTo(secretOf(overlay, app, "BCS_DB_PASSWORD"));
	}

	@Test
	void everyTopicTheCodeNamesIsDeclaredWithTheAppsSettings() {
		Set<String> expected = new TreeSet<>(Code.contractTopics());
		Code.SERVICES.forEach((s) -> expected.addAll(Code.outboxTopics(s)));
		Code.SERVICES.forEach((s) -> Code.subscriptions(s).forEach((sub) -> expected.add(sub.deadLetterTopic())));
		for (String overlay : Manifests.OVERLAYS) {
			Map<String, JsonNode> topics = topics(overlay);
			assertThat(topics.keySet()).as(overlay).containsExactlyInAnyOrderElementsOf(expected);
			for (JsonNode declared : Code.applicationYml("content-service").path("bcs").path("events").path("topics")) {
				JsonNode topic = topics.get(declared.path("name").asString());
				assertThat(topic.path("spec").path("partitions").asInt())
					.isEqualTo(declared.path("partitions").asInt());
				assertThat(topic.path("spec").path("config").path("retention.ms").asString())
					.isEqualTo(String.valueOf(duration(declared.path("retention").asString()).toMillis()));
			}
			String consumers = Code.text(Manifests.root()
				.resolve("platform/events/src/main/java/org/biochemsec2030/platform/events/EventConsumers.java"));
			Matcher dlt = Pattern
				.compile("partitions\\((\\d+)\\)[^;]*?String\\.valueOf\\((\\d+)L \\* 24 \\* 3600 \\* 1000\\)",
						Pattern.DOTALL)
				.matcher(consumers);
			assertThat(dlt.find()).as("dead-letter topic settings in EventConsumers").isTrue();
			topics.values()
				.stream()
				.filter((t) -> t.path("spec").path("topicName").asString().endsWith(".dlt"))
				.forEach((t) -> {
					assertThat(t.path("spec").path("partitions").asInt()).isEqualTo(Integer.parseInt(dlt.group(1)));
					assertThat(t.path("spec").path("config").path("retention.ms").asString())
						.isEqualTo(String.valueOf(Duration.ofDays(Long.parseLong(dlt.group(2))).toMillis()));
				});
		}
	}

	@Test
	void topicsHaveThePartitionsAndRetentionOfTheEventsCatalogue() {
		Matcher defaults = Pattern
			.compile("\\| `topics\\[]\\.name`, `partitions`, `retention` \\| –, `(\\d+)`, `(\\w+)` \\|")
			.matcher(Manifests.read("docs/events.md"));
		assertThat(defaults.find()).as("the topic settings row of docs/events.md").isTrue();
		for (String overlay : Manifests.OVERLAYS) {
			topics(overlay).values()
				.stream()
				.filter((t) -> !t.path("spec").path("topicName").asString().endsWith(".dlt"))
				.forEach((t) -> {
					assertThat(t.path("spec").path("partitions").asInt())
						.isEqualTo(Integer.parseInt(defaults.group(1)));
					assertThat(t.path("spec").path("config").path("retention.ms").asString())
						.isEqualTo(String.valueOf(duration(defaults.group(2)).toMillis()));
				});
		}
	}

	@ParameterizedTest(name = "{1} in {0}")
	@MethodSource("servicesInOverlays")
	void everyServiceWritesOnlyItsOwnTopicsAndReadsOnlyWhatItConsumes(String overlay, String app) {
		assertThat(secretOf(overlay, app, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).isEqualTo(app);
		JsonNode user = Manifests.one(overlay, "KafkaUser", app);
		Set<String> subscribed = Code.subscriptions(app).stream().map(Subscription::topic).collect(Collectors.toSet());
		Set<String> deadLetters = Code.subscriptions(app)
			.stream()
			.map(Subscription::deadLetterTopic)
			.collect(Collectors.toSet());
		Set<String> groups = Code.subscriptions(app).stream().map(Subscription::group).collect(Collectors.toSet());
		Set<String> own = new HashSet<>(Code.outboxTopics(app));
		if (own.isEmpty()) {
			// No producer code yet: its own topic as the contracts name it, and the
			// public subset.
			own.add("bcs." + app.replace("-service", ""));
			own.add("bcs.public");
		}
		assertThat(Code.contractTopics()).contains("bcs." + app.replace("-service", ""));

		Set<String> writes = new HashSet<>(own);
		writes.addAll(deadLetters);
		Set<String> reads = new HashSet<>(subscribed);
		reads.addAll(deadLetters);
		assertThat(aclResources(user, "topic", "Write")).containsExactlyInAnyOrderElementsOf(writes);
		assertThat(aclResources(user, "topic", "Read")).containsExactlyInAnyOrderElementsOf(reads);
		assertThat(aclResources(user, "group", "Read")).containsExactlyInAnyOrderElementsOf(groups);
		for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
			assertThat(acl.path("resource").path("patternType").asString()).isEqualTo("literal");
		}
	}

	@Test
	void thePartnerReadsThePublicStreamAndNothingElse() {
		for (String overlay : Manifests.OVERLAYS) {
			JsonNode partner = Manifests.one(overlay, "KafkaUser", "partner-example");
			assertThat(aclResources(partner, "topic", "Read")).containsExactly("bcs.public");
			assertThat(aclResources(partner, "topic", "Write")).isEmpty();
			Set<String> operations = new TreeSet<>();
			partner.path("spec")
				.path("authorization")
				.path("acls")
				.forEach((acl) -> acl.path("operations").forEach((o) -> operations.add(o.asString())));
			assertThat(operations).containsExactlyInAnyOrder("Read", "Describe");
		}
	}

	@Test
	void searchUserMayUseEveryIndexTheAppsName() throws IOException {
		Set<String> indices = new TreeSet<>();
		for (String app : Code.APPS) {
			String service = Code.applicationYml(app).path("bcs").path("search").path("service").asString(null);
			if (service != null) {
				indices.add("bcs-" + service);
				indices.add("bcs-" + service + "-v20300101000000000");
				indices.add("bcs-" + service + "-rebuild");
			}
		}
		assertThat(indices).contains("bcs-content");
		indices.add(Code.constant(
				Code.text(Manifests.root()
					.resolve("platform/search/src/main/java/org/biochemsec2030/platform/search/SearchIndex.java")),
				"PUBLIC_ALIAS"));
		indices.add(Code.constant(
				Code.text(Manifests.root()
					.resolve("platform/search/src/main/java/org/biochemsec2030/platform/search/IndexTemplate.java")),
				"NAME"));
		JsonNode roles = Manifests.parse(Manifests.read("k8s/base/search/roles.yml")).get(0);
		List<String> patterns = roles.path("bcs_app")
			.path("indices")
			.findValues("names")
			.stream()
			.flatMap((n) -> n.valueStream())
			.map(JsonNode::asString)
			.toList();
		for (String index : indices) {
			assertThat(patterns.stream().anyMatch((p) -> index.matches(p.replace("*", ".*")))).as(index).isTrue();
		}
		for (String overlay : Manifests.OVERLAYS) {
			String cluster = Manifests.name(Manifests.ofKind(overlay, "Elasticsearch").getFirst());
			for (String app : Code.APPS) {
				assertThat(URI.create(environment(overlay, app).get("BCS_ELASTICSEARCH_URIS")).getHost())
					.isEqualTo(cluster + "-es-http");
			}
		}
	}

	@Test
	void alertsAndTheDashboardUseMetricsThatExist() {
		Set<String> exported = new TreeSet<>(Code.prometheusMeterNames());
		assertThat(exported).contains("bcs_events_outbox_pending", "bcs_events_relay_failed_rounds_total");
		// Spring Boot's HTTP server observations (with the histogram the ConfigMaps
		// switch on) and the
		// JVM's memory (ServiceStartsOnRealEngines checks it is exported).
		exported.addAll(List.of("http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
				"jvm_memory_used_bytes"));
		// Strimzi's Kafka Exporter, where the Kafka cluster runs it.
		JsonNode kafka = Manifests.ofKind("k8s/overlays/prod", "Kafka").getFirst();
		if (kafka.path("spec").has("kafkaExporter")) {
			exported.addAll(List.of("kafka_consumergroup_lag", "kafka_topic_partition_current_offset"));
		}
		StringBuilder expressions = new StringBuilder();
		for (JsonNode rule : Manifests.ofKind("k8s/overlays/prod", "PrometheusRule")) {
			rule.path("spec")
				.path("groups")
				.forEach((g) -> g.path("rules")
					.forEach((r) -> expressions.append(r.path("expr").asString()).append('\n')));
		}
		JsonNode dashboard = JsonMapper.builder()
			.build()
			.readTree(Manifests.one("k8s/overlays/prod", "ConfigMap", "bcs-dashboard")
				.path("data")
				.path("bcs.json")
				.asString());
		dashboard.path("panels")
			.forEach((p) -> p.path("targets")
				.forEach((t) -> expressions.append(t.path("expr").asString()).append('\n')));
		Matcher metric = Pattern.compile("\\b((?:bcs|http|kafka|jvm)_[a-z0-9_]+)\\b").matcher(expressions);
		Set<String> used = new TreeSet<>();
		while (metric.find()) {
			used.add(metric.group(1));
		}
		assertThat(used).contains("bcs_events_outbox_pending", "kafka_consumergroup_lag",
				"http_server_requests_seconds_bucket");
		assertThat(exported).containsAll(used);
		assertThat(environment("k8s/overlays/prod", "content-service"))
			.containsEntry("MANAGEMENT_METRICS_DISTRIBUTION_PERCENTILESHISTOGRAM_HTTP_SERVER_REQUESTS", "true");
	}

	@ParameterizedTest(name = "{1} in {0}")
	@MethodSource("appsInOverlays")
	void everyAppIsScrapedWhereItExposesItsMetrics(String overlay, String app) {
		for (String config : Code.configFiles(app)) {
			JsonNode exposure = Manifests.parse(Manifests.read(config))
				.get(0)
				.path("management")
				.path("endpoints")
				.path("web")
				.path("exposure")
				.path("include");
			if (!exposure.isMissingNode()) {
				assertThat(exposure.asString()).as(config).contains("prometheus");
			}
		}
		Map<String, JsonNode> monitors = new HashMap<>();
		Manifests.ofKind("k8s/overlays/prod", "ServiceMonitor").forEach((m) -> monitors.put(Manifests.name(m), m));
		assertThat(monitors.keySet()).containsExactlyInAnyOrderElementsOf(Code.APPS);
		JsonNode monitor = monitors.get(app);
		JsonNode endpoint = monitor.path("spec").path("endpoints").get(0);
		assertThat(endpoint.path("path").asString()).isEqualTo("/actuator/prometheus");
		String port = actuatorPort("k8s/overlays/prod", app);
		assertThat(endpoint.path("port").asString()).isEqualTo(port);
		assertThat(monitor.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asString())
			.isEqualTo(app);
		assertThat(Manifests.one("k8s/overlays/prod", "Service", app).path("spec").path("ports"))
			.anySatisfy((p) -> assertThat(p.path("name").asString()).isEqualTo(port));
	}

	/**
	 * The gateway's management port serves metrics without sign-in: the Ingress never
	 * leads there, and every policy that lets anyone reach it lets only Prometheus's
	 * namespace.
	 */
	@Test
	void theGatewaysManagementPortIsForPrometheusOnly() {
		String overlay = "k8s/overlays/prod";
		int management = Integer.parseInt(environment(overlay, "gateway").get("BCS_MANAGEMENT_PORT"));
		assertThat(management).isNotEqualTo(defaultPort(Code.applicationYml("gateway")));
		for (JsonNode ingress : Manifests.ofKind(overlay, "Ingress")) {
			ingress.findValues("service").forEach((backend) -> {
				assertThat(backend.path("port").path("name").asString()).as(Manifests.id(ingress))
					.isNotEqualTo("management");
				assertThat(backend.path("port").path("number").asInt()).as(Manifests.id(ingress))
					.isNotEqualTo(management);
			});
		}
		List<JsonNode> opening = new ArrayList<>();
		for (JsonNode policy : Manifests.ofKind(overlay, "NetworkPolicy")) {
			if (!selects(policy.path("spec").path("podSelector"), "gateway")) {
				continue;
			}
			for (JsonNode rule : policy.path("spec").path("ingress")) {
				boolean toManagement = rule.path("ports").isEmpty()
						|| rule.path("ports").valueStream().anyMatch((port) -> port.path("port").asInt() == management);
				if (toManagement) {
					opening.add(rule);
					assertThat(rule.path("from")).as(Manifests.id(policy)).singleElement().satisfies((from) -> {
						assertThat(from.path("namespaceSelector").path("matchLabels")).hasSize(1);
						assertThat(from.path("namespaceSelector")
							.path("matchLabels")
							.path("kubernetes.io/metadata.name")
							.asString()).isEqualTo("monitoring");
					});
				}
			}
		}
		assertThat(opening).as("a policy lets Prometheus scrape the gateway").isNotEmpty();
	}

	// --- helpers

	/**
	 * The name of the container port Actuator answers on: the management port where the
	 * app has one of its own (management.server.port), the app's own port otherwise.
	 */
	static String actuatorPort(String overlay, String app) {
		String configured = Code.applicationYml(app).path("management").path("server").path("port").asString("");
		if (configured.isEmpty()) {
			return "http";
		}
		Matcher matcher = Pattern.compile("\\$\\{BCS_MANAGEMENT_PORT:(\\d+)}").matcher(configured);
		assertThat(matcher.matches()).as("management.server.port is ${BCS_MANAGEMENT_PORT:<default>}").isTrue();
		int port = Integer.parseInt(environment(overlay, app).getOrDefault("BCS_MANAGEMENT_PORT", matcher.group(1)));
		for (JsonNode containerPort : container(overlay, app).path("ports")) {
			if (containerPort.path("containerPort").asInt() == port) {
				return containerPort.path("name").asString();
			}
		}
		throw new AssertionError(app + " in " + overlay + " has no container port " + port + " for Actuator");
	}

	/**
	 * Whether a label selector (matchLabels or an In expression on the name) picks the
	 * app.
	 */
	static boolean selects(JsonNode selector, String app) {
		if (app.equals(selector.path("matchLabels").path("app.kubernetes.io/name").asString())) {
			return true;
		}
		if (selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty()) {
			return true;
		}
		for (JsonNode expression : selector.path("matchExpressions")) {
			if (expression.path("key").asString().equals("app.kubernetes.io/name")
					&& expression.path("operator").asString().equals("In")
					&& expression.path("values").valueStream().anyMatch((v) -> v.asString().equals(app))) {
				return true;
			}
		}
		return false;
	}

	static int defaultPort(JsonNode yml) {
		Matcher matcher = Pattern.compile("\\$\\{PORT:(\\d+)}").matcher(yml.path("server").path("port").asString());
		assertThat(matcher.matches()).as("server.port is ${PORT:<default>}").isTrue();
		return Integer.parseInt(matcher.group(1));
	}

	static JsonNode container(String overlay, String app) {
		return Manifests.one(overlay, "Deployment", app)
			.path("spec")
			.path("template")
			.path("spec")
			.path("containers")
			.get(0);
	}

	/** What the app's container gets: its ConfigMap (envFrom) and its env entries. */
	static Map<String, String> environment(String overlay, String app) {
		Map<String, String> env = new LinkedHashMap<>();
		JsonNode container = container(overlay, app);
		for (JsonNode from : container.path("envFrom")) {
			String name = from.path("configMapRef").path("name").asString();
			Manifests.one(overlay, "ConfigMap", name)
				.path("data")
				.properties()
				.forEach((e) -> env.put(e.getKey(), e.getValue().asString()));
		}
		for (JsonNode variable : container.path("env")) {
			env.put(variable.path("name").asString(), variable.path("value").asString(""));
		}
		return env;
	}

	static String secretOf(String overlay, String app, String variable) {
		for (JsonNode entry : container(overlay, app).path("env")) {
			if (entry.path("name").asString().equals(variable)) {
				return entry.path("valueFrom").path("secretKeyRef").path("name").asString();
			}
		}
		throw new AssertionError(app + " gets no " + variable + " from a Secret");
	}

	static Map<String, JsonNode> roles(String overlay) {
		Map<String, JsonNode> roles = new HashMap<>();
		Manifests.one(overlay, "Cluster", "bcs-db")
			.path("spec")
			.path("managed")
			.path("roles")
			.forEach((r) -> roles.put(r.path("name").asString(), r));
		return roles;
	}

	static Map<String, JsonNode> topics(String overlay) {
		Map<String, JsonNode> topics = new HashMap<>();
		Manifests.ofKind(overlay, "KafkaTopic")
			.forEach((t) -> topics.put(t.path("spec").path("topicName").asString(), t));
		return topics;
	}

	static Set<String> aclResources(JsonNode user, String type, String operation) {
		Set<String> names = new TreeSet<>();
		for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
			boolean allows = acl.path("operations").valueStream().anyMatch((o) -> o.asString().equals(operation));
			if (allows && acl.path("resource").path("type").asString().equals(type)) {
				names.add(acl.path("resource").path("name").asString());
			}
		}
		return names;
	}

	static Duration duration(String text) {
		Matcher matcher = Pattern.compile("(\\d+)(ms|s|m|h|d)").matcher(text);
		assertThat(matcher.matches()).as("duration " + text).isTrue();
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofDays(amount);
		};
	}

	static String canonical(String variable) {
		return variable.toLowerCase().replace('_', '.');
	}

	private static volatile Set<String> springProperties;

	/**
	 * Whether Spring binds the variable to a property some starter documents in its
	 * configuration metadata (relaxed binding: SPRING_KAFKA_SECURITY_PROTOCOL is
	 * spring.kafka.security.protocol; a map property such as spring.kafka.properties
	 * takes the rest as its key).
	 */
	static boolean isSpringProperty(String variable) {
		String name = canonical(variable);
		for (String property : springProperties()) {
			if (name.equals(property) || name.startsWith(property + ".") && mapProperty(property)) {
				return true;
			}
		}
		return false;
	}

	private static final Set<String> maps = Collections.synchronizedSet(new HashSet<>());

	private static boolean mapProperty(String property) {
		return maps.contains(property);
	}

	static Set<String> springProperties() {
		if (springProperties != null) {
			return springProperties;
		}
		Set<String> names = new TreeSet<>();
		JsonMapper json = JsonMapper.builder().build();
		try {
			for (URL url : Collections.list(ManifestsMatchTheAppsTests.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json"))) {
				try (InputStream in = url.openStream()) {
					for (JsonNode property : json.readTree(in).path("properties")) {
						String name = property.path("name").asString().replace("-", "");
						names.add(name);
						if (property.path("type").asString().startsWith("java.util.Map")) {
							maps.add(name);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		springProperties = names;
		return names;
	}

}
