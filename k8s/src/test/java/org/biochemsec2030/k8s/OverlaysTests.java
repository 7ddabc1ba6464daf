package org.biochemsec2030.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each overlay promises: dev small, prod replicated, and nothing secret in either.
 */
class OverlaysTests {

	static final String DEV = "k8s/overlays/dev";

	static final String PROD = "k8s/overlays/prod";

	@Test
	void devRunsOneOfEverythingWithoutAutoscaling() {
		assertThat(Manifests.ofKind(DEV, "Deployment")).hasSize(Code.APPS.size())
			.allSatisfy((d) -> assertThat(d.path("spec").path("replicas").asInt()).isEqualTo(1));
		assertThat(Manifests.ofKind(DEV, "HorizontalPodAutoscaler")).isEmpty();
		assertThat(Manifests.one(DEV, "KafkaNodePool", "nodes").path("spec").path("replicas").asInt()).isEqualTo(1);
		assertThat(Manifests.ofKind(DEV, "KafkaTopic"))
			.allSatisfy((t) -> assertThat(t.path("spec").path("replicas").asInt()).isEqualTo(1));
		assertThat(Manifests.one(DEV, "Elasticsearch", "bcs-search")
			.path("spec")
			.path("nodeSets")
			.get(0)
			.path("count")
			.asInt()).isEqualTo(1);
		assertThat(Manifests.one(DEV, "Cluster", "bcs-db").path("spec").path("instances").asInt()).isEqualTo(1);
		assertThat(Manifests.one(DEV, "Cluster", "bcs-db").path("spec").has("backup")).isFalse();
		assertThat(Manifests.ofKind(DEV, "ScheduledBackup")).isEmpty();
		assertThat(Manifests.render(DEV)).allSatisfy((o) -> {
			if (!o.path("kind").asString().equals("Namespace")) {
				assertThat(o.path("metadata").path("namespace").asString()).isEqualTo("bcs-dev");
			}
		});
	}

	@Test
	void prodReplicatesEveryAppAndEngine() {
		for (String app : Code.APPS) {
			JsonNode hpa = Manifests.one(PROD, "HorizontalPodAutoscaler", app);
			assertThat(hpa.path("spec").path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);
			assertThat(hpa.path("spec").path("scaleTargetRef").path("name").asString()).isEqualTo(app);
			JsonNode pdb = Manifests.one(PROD, "PodDisruptionBudget", app);
			assertThat(pdb.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asString())
				.isEqualTo(app);
		}
		assertThat(Manifests.one(PROD, "KafkaNodePool", "nodes").path("spec").path("replicas").asInt()).isEqualTo(3);
		assertThat(Manifests.ofKind(PROD, "KafkaTopic")).allSatisfy((t) -> {
			assertThat(t.path("spec").path("replicas").asInt()).isEqualTo(3);
			assertThat(t.path("spec").path("config").path("min.insync.replicas").asString()).isEqualTo("2");
		});
		assertThat(Manifests.one(PROD, "Elasticsearch", "bcs-search")
			.path("spec")
			.path("nodeSets")
			.get(0)
			.path("count")
			.asInt()).isEqualTo(3);
		assertThat(Manifests.one(PROD, "Elasticsearch", "bcs-search").path("spec").path("version").asString())
			.startsWith("8.19.");
		assertThat(Manifests.one(PROD, "Cluster", "bcs-db").path("spec").path("instances").asInt()).isEqualTo(3);
		assertThat(Manifests.one(PROD, "ScheduledBackup", "bcs-db-nightly")
			.path("spec")
			.path("cluster")
			.path("name")
			.asString()).isEqualTo("bcs-db");
		assertThat(Manifests.one(PROD, "Keycloak", "bcs-keycloak").path("spec").path("instances").asInt())
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void everyAppSpreadsOverZonesAndNodes() {
		for (String overlay : Manifests.OVERLAYS) {
			for (JsonNode deployment : Manifests.ofKind(overlay, "Deployment")) {
				JsonNode spread = deployment.path("spec")
					.path("template")
					.path("spec")
					.path("topologySpreadConstraints");
				assertThat(spread.findValuesAsString("topologyKey")).as(Manifests.id(deployment))
					.containsExactlyInAnyOrder("topology.kubernetes.io/zone", "kubernetes.io/hostname");
				spread.forEach((constraint) -> assertThat(
						constraint.path("labelSelector").path("matchLabels").path("app.kubernetes.io/name").asString())
					.isEqualTo(Manifests.name(deployment)));
			}
		}
	}

	@Test
	void everyComponentIsUsedByAnOverlay() throws IOException {
		String overlays = Manifests.read(DEV + "/kustomization.yaml") + Manifests.read(PROD + "/kustomization.yaml");
		try (Stream<Path> components = Files.list(Manifests.root().resolve("k8s/components"))) {
			List<String> names = components.map((c) -> c.getFileName().toString()).toList();
			assertThat(names).isNotEmpty();
			for (String component : names) {
				assertThat(overlays).as(component).contains("../../components/" + component);
			}
		}
	}

	@Test
	void everyIngressServesTls() {
		for (String overlay : Manifests.OVERLAYS) {
			assertThat(Manifests.ofKind(overlay, "Ingress")).hasSize(2).allSatisfy((ingress) -> {
				JsonNode tls = ingress.path("spec").path("tls").get(0);
				assertThat(tls.path("secretName").asString()).isNotBlank();
				assertThat(tls.path("hosts").get(0).asString())
					.isEqualTo(ingress.path("spec").path("rules").get(0).path("host").asString());
			});
		}
	}

	@Test
	void noCredentialIsRendered() {
		// The only Secrets the manifests make are configuration the operators read from
		// Secrets.
		Set<String> configuration = Set.of("bcs-public-url", "bcs-search-roles", "bcs-realm-mail");
		Manifests.all()
			.filter((o) -> o.path("kind").asString().equals("Secret"))
			.forEach((secret) -> assertThat(configuration).contains(Manifests.name(secret)));
		Manifests.all().filter((o) -> o.path("kind").asString().equals("ConfigMap")).forEach((map) -> {
			assertThat(map.path("data").propertyNames())
				.noneMatch((key) -> key.matches("(?i).*(password|secret|token|jaas).*"));
		});
	}

}
