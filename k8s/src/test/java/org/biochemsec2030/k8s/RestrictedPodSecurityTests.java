package org.biochemsec2030.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Pod Security Standard "restricted" (Kubernetes' own definition, every control of
 * the baseline and restricted profiles), on every workload the manifests define, plus the
 * suite's own rules: a read-only root filesystem, memory requests and limits, probes, no
 * API token.
 */
class RestrictedPodSecurityTests {

	static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod");

	/** Volume types the restricted profile allows. */
	static final Set<String> ALLOWED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
			"persistentVolumeClaim", "projected", "secret", "name");

	static Stream<JsonNode> workloads() {
		return Manifests.all().filter((o) -> WORKLOADS.contains(o.path("kind").asString()));
	}

	@Test
	void theManifestsHaveWorkloadsToCheck() {
		assertThat(workloads().map(Manifests::name).distinct()).contains("gateway", "content-service",
				"network-service", "tracker-service", "publishing-service", "redis");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("workloads")
	void everyWorkloadMeetsTheRestrictedPodSecurityStandard(JsonNode workload) {
		assertThat(violations(workload)).as(Manifests.id(workload)).isEmpty();
	}

	@Test
	void aContainerThatMayEscalateIsRefused() {
		ObjectNode deployment = (ObjectNode) Manifests.one("k8s/overlays/prod", "Deployment", "gateway").deepCopy();
		ObjectNode container = (ObjectNode) podSpec(deployment).path("containers").get(0);
		((ObjectNode) container.path("securityContext")).put("allowPrivilegeEscalation", true);
		((ObjectNode) container.path("securityContext")).putObject("capabilities").putArray("add").add("NET_ADMIN");
		((ObjectNode) podSpec(deployment)).put("hostNetwork", true);
		assertThat(violations(deployment)).hasSize(4);
	}

	static JsonNode podSpec(JsonNode workload) {
		return switch (workload.path("kind").asString()) {
			case "Pod" -> workload.path("spec");
			case "CronJob" -> workload.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
			default -> workload.path("spec").path("template").path("spec");
		};
	}

	static List<String> violations(JsonNode workload) {
		JsonNode pod = podSpec(workload);
		JsonNode podSecurity = pod.path("securityContext");
		List<String> violations = new ArrayList<>();
		for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
			if (pod.path(host).asBoolean(false)) {
				violations.add(host + " is set");
			}
		}
		for (JsonNode volume : pod.path("volumes")) {
			volume.propertyNames()
				.stream()
				.filter((type) -> !ALLOWED_VOLUMES.contains(type))
				.forEach((type) -> violations.add("volume " + volume.path("name").asString() + " is a " + type));
		}
		if (podSecurity.path("runAsUser").asInt(-1) == 0) {
			violations.add("the pod runs as uid 0");
		}
		if (!pod.path("automountServiceAccountToken").isBoolean()
				|| pod.path("automountServiceAccountToken").asBoolean()) {
			violations.add("the pod mounts a service account token (automountServiceAccountToken is not false)");
		}
		List<JsonNode> containers = new ArrayList<>();
		pod.path("initContainers").forEach(containers::add);
		pod.path("containers").forEach(containers::add);
		for (JsonNode container : containers) {
			String name = "container " + container.path("name").asString() + ": ";
			JsonNode security = container.path("securityContext");
			if (security.path("privileged").asBoolean(false)) {
				violations.add(name + "privileged");
			}
			if (!security.path("allowPrivilegeEscalation").isBoolean()
					|| security.path("allowPrivilegeEscalation").asBoolean()) {
				violations.add(name + "allowPrivilegeEscalation is not false");
			}
			boolean nonRoot = security.has("runAsNonRoot") ? security.path("runAsNonRoot").asBoolean()
					: podSecurity.path("runAsNonRoot").asBoolean(false);
			if (!nonRoot) {
				violations.add(name + "runAsNonRoot is not true");
			}
			if (security.path("runAsUser").asInt(-1) == 0) {
				violations.add(name + "runs as uid 0");
			}
			String seccomp = security.path("seccompProfile").path("type").asString(null);
			if (seccomp == null) {
				seccomp = podSecurity.path("seccompProfile").path("type").asString(null);
			}
			if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
				violations.add(name + "seccomp profile is not RuntimeDefault or Localhost");
			}
			List<String> drop = new ArrayList<>();
			security.path("capabilities").path("drop").forEach((c) -> drop.add(c.asString()));
			if (!drop.contains("ALL")) {
				violations.add(name + "capabilities do not drop ALL");
			}
			security.path("capabilities").path("add").forEach((c) -> {
				if (!"NET_BIND_SERVICE".equals(c.asString())) {
					violations.add(name + "adds capability " + c.asString());
				}
			});
			for (JsonNode port : container.path("ports")) {
				if (port.has("hostPort")) {
					violations.add(name + "uses a host port");
				}
			}
			// The suite's own rules beyond the standard.
			if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
				violations.add(name + "root filesystem is writable");
			}
			JsonNode resources = container.path("resources");
			if (resources.path("requests").path("memory").isMissingNode()
					|| resources.path("limits").path("memory").isMissingNode()
					|| resources.path("requests").path("cpu").isMissingNode()) {
				violations.add(name + "no memory request and limit or no CPU request");
			}
			for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
				if (container.path(probe).isMissingNode()) {
					violations.add(name + "no " + probe);
				}
			}
		}
		return violations;
	}

}
