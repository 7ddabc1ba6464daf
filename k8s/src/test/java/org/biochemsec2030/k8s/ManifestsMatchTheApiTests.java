package org.biochemsec2030.k8s;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestsMatchTheApiTests {

	static Stream<String> targets() {
		return Manifests.TARGETS.stream();
	}

	@ParameterizedTest
	@MethodSource("targets")
	void everyRenderedObjectIsValidForTheApiWithoutUnknownFields(String target) {
		List<JsonNode> objects = Manifests.render(target);
		assertThat(objects).isNotEmpty();
		for (JsonNode object : objects) {
			assertThat(ApiSchemas.problems(object)).as(target + ": " + Manifests.id(object)).isEmpty();
		}
	}

	@Test
	void everyOperatorKindTheManifestsUseHasItsCrdSchema() {
		assertThat(ApiSchemas.customResources()).containsKeys("kafka.strimzi.io/v1/Kafka",
				"kafka.strimzi.io/v1/KafkaNodePool", "kafka.strimzi.io/v1/KafkaTopic", "kafka.strimzi.io/v1/KafkaUser",
				"elasticsearch.k8s.elastic.co/v1/Elasticsearch", "postgresql.cnpg.io/v1/Cluster",
				"postgresql.cnpg.io/v1/Database", "postgresql.cnpg.io/v1/ScheduledBackup",
				"k8s.keycloak.org/v2alpha1/Keycloak", "k8s.keycloak.org/v2alpha1/KeycloakRealmImport",
				"monitoring.coreos.com/v1/ServiceMonitor", "monitoring.coreos.com/v1/PodMonitor",
				"monitoring.coreos.com/v1/PrometheusRule");
	}

	@Test
	void everyBuiltInKindTheManifestsUseHasItsApiSchema() {
		assertThat(ApiSchemas.builtInKinds()).contains("v1/ServiceAccount", "v1/ConfigMap", "v1/Secret", "v1/Service",
				"apps/v1/Deployment", "apps/v1/StatefulSet", "autoscaling/v2/HorizontalPodAutoscaler",
				"policy/v1/PodDisruptionBudget", "networking.k8s.io/v1/NetworkPolicy", "networking.k8s.io/v1/Ingress");
	}

	@Test
	void refusesAnUnknownFieldInABuiltInKind() {
		ObjectNode deployment = copy("k8s/overlays/prod", "Deployment", "content-service");
		((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0))
			.put("securityContxt", "typo");
		assertThat(ApiSchemas.problems(deployment)).singleElement()
			.asString()
			.contains("securityContxt")
			.contains("containers[0]");
	}

	@Test
	void refusesAWrongTypeInABuiltInKind() {
		ObjectNode service = copy("k8s/overlays/prod", "Service", "gateway");
		((ObjectNode) service.path("spec")).put("ports", "8080");
		assertThat(ApiSchemas.problems(service)).isNotEmpty();
	}

	@Test
	void refusesAQuantityTheApiCannotRead() {
		ObjectNode deployment = copy("k8s/overlays/prod", "Deployment", "gateway");
		((ObjectNode) deployment.path("spec")
			.path("template")
			.path("spec")
			.path("containers")
			.get(0)
			.path("resources")
			.path("limits")).put("memory", "384MB");
		assertThat(ApiSchemas.problems(deployment)).singleElement().asString().contains("limits.memory");
	}

	@Test
	void refusesAnIntOrStringThatIsNeither() {
		ObjectNode budget = copy("k8s/overlays/prod", "PodDisruptionBudget", "gateway");
		((ObjectNode) budget.path("spec")).putObject("maxUnavailable").put("value", 1);
		assertThat(ApiSchemas.problems(budget)).isNotEmpty()
			.allSatisfy((p) -> assertThat(p).contains("maxUnavailable"));
	}

	@Test
	void refusesAnApiVersionTheApiDoesNotServe() {
		ObjectNode autoscaler = copy("k8s/overlays/prod", "HorizontalPodAutoscaler", "gateway");
		autoscaler.put("apiVersion", "autoscaling/v2beta2");
		assertThat(ApiSchemas.problems(autoscaler)).singleElement().asString().contains("autoscaling/v2beta2");
	}

	@Test
	void refusesAnUnknownFieldInABuiltInKindsMetadata() {
		ObjectNode account = copy("k8s/overlays/prod", "ServiceAccount", "gateway");
		((ObjectNode) account.path("metadata")).putObject("label").put("app", "gateway");
		assertThat(ApiSchemas.problems(account)).singleElement().asString().contains("label");
	}

	@Test
	void refusesAnUnknownFieldInAnOperatorKind() {
		ObjectNode topic = copy("k8s/overlays/prod", "KafkaTopic", "bcs-public");
		((ObjectNode) topic.path("spec")).put("partition", 3);
		assertThat(ApiSchemas.problems(topic)).singleElement().asString().contains("partition");
	}

	@Test
	void refusesAWrongTypeInAnOperatorKind() {
		ObjectNode cluster = copy("k8s/overlays/prod", "Cluster", "bcs-db");
		((ObjectNode) cluster.path("spec")).put("instances", "three");
		assertThat(ApiSchemas.problems(cluster)).isNotEmpty();
	}

	@Test
	void refusesAnUnknownFieldInAnOperatorKindsMetadata() {
		ObjectNode user = copy("k8s/overlays/prod", "KafkaUser", "partner-example");
		((ObjectNode) user.path("metadata")).put("label", "typo");
		assertThat(ApiSchemas.problems(user)).singleElement().asString().contains("label");
	}

	private static ObjectNode copy(String target, String kind, String name) {
		return (ObjectNode) Manifests.one(target, kind, name).deepCopy();
	}

}
