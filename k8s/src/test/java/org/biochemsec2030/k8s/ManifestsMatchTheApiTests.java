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
