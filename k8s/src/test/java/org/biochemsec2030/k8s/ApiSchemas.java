package org.biochemsec2030.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks objects against the Kubernetes API the way a strict API server would: unknown
 * fields and wrong types are errors.
 * <ul>
 * <li>Built-in kinds are read into the typed classes of the fabric8 Kubernetes model,
 * generated from the API's own OpenAPI document (the version is in the root pom). Those
 * classes keep fields they do not know in an "additional properties" map instead of
 * failing, so after reading, every such map in the object graph must be empty.</li>
 * <li>The operators' kinds are validated with a JSON Schema validator against their CRD's
 * {@code openAPIV3Schema} (../shared/k8s-crds), where every object schema that lists its
 * properties and does not ask to keep unknown fields gets
 * {@code additionalProperties: false}, as the API server prunes or (strict field
 * validation) refuses them. Their metadata is read as an ObjectMeta. CEL rules
 * ({@code x-kubernetes-validations}) are not evaluated.</li>
 * </ul>
 */
final class ApiSchemas {

	private static final ObjectMapper jackson2 = new ObjectMapper()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	static final Map<String, Class<?>> BUILT_IN = Map.of("v1/ServiceAccount", ServiceAccount.class, "v1/ConfigMap",
			ConfigMap.class, "v1/Secret", Secret.class, "v1/Service", Service.class, "apps/v1/Deployment",
			Deployment.class, "apps/v1/StatefulSet", StatefulSet.class, "autoscaling/v2/HorizontalPodAutoscaler",
			HorizontalPodAutoscaler.class, "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
			"networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class, "networking.k8s.io/v1/Ingress", Ingress.class);

	private static volatile Map<String, Schema> custom;

	private ApiSchemas() {
	}

	static String type(JsonNode object) {
		return object.path("apiVersion").asString() + "/" + object.path("kind").asString();
	}

	/** What is wrong with the object; empty when the API would take it as it is. */
	static List<String> problems(JsonNode object) {
		String type = type(object);
		Class<?> builtIn = BUILT_IN.get(type);
		if (builtIn != null) {
			return typedProblems(object, builtIn);
		}
		Schema schema = customResources().get(type);
		if (schema == null) {
			return List.of(type + " is neither a built-in kind checked here nor a kind of the operators' CRDs");
		}
		List<String> problems = new ArrayList<>();
		for (Error error : schema.validate(object)) {
			problems.add(error.getInstanceLocation() + ": " + error.getMessage());
		}
		problems.addAll(typedProblems(object.path("metadata"), ObjectMeta.class));
		return problems;
	}

	private static List<String> typedProblems(JsonNode object, Class<?> type) {
		Object typed;
		try {
			typed = jackson2.readValue(object.toString(), type);
		}
		catch (IOException ex) {
			return List.of(ex.getMessage().lines().findFirst().orElse(ex.toString()));
		}
		List<String> unknown = new ArrayList<>();
		walk(typed, "$", unknown);
		return unknown;
	}

	/** Every field the model did not know ends in an additionalProperties map. */
	private static void walk(Object value, String path, List<String> unknown) {
		if (value == null) {
			return;
		}
		if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				walk(list.get(i), path + "[" + i + "]", unknown);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((k, v) -> walk(v, path + "." + k, unknown));
			return;
		}
		if (!value.getClass().getName().startsWith("io.fabric8.")) {
			return;
		}
		for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
			for (Field field : c.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers())) {
					continue;
				}
				field.setAccessible(true);
				Object child;
				try {
					child = field.get(value);
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
				if (field.getName().equals("additionalProperties")) {
					if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
						unknown.add(path + ": unknown field(s) " + extra.keySet());
					}
					continue;
				}
				walk(child, path + "." + field.getName(), unknown);
			}
		}
	}

	/** One schema per apiVersion/kind of every CRD version the operators serve. */
	static Map<String, Schema> customResources() {
		if (custom != null) {
			return custom;
		}
		Map<String, Schema> schemas = new HashMap<>();
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
		try (Stream<Path> files = Files.walk(Manifests.crds())) {
			for (Path file : files.filter((f) -> f.toString().matches(".*\\.ya?ml$")).sorted().toList()) {
				if (file.getFileName().toString().equals("README.md")) {
					continue;
				}
				for (JsonNode crd : Manifests.parse(Files.readString(file))) {
					if (!"CustomResourceDefinition".equals(crd.path("kind").asString())) {
						continue;
					}
					String group = crd.path("spec").path("group").asString();
					String kind = crd.path("spec").path("names").path("kind").asString();
					for (JsonNode version : crd.path("spec").path("versions")) {
						if (!version.path("served").asBoolean()) {
							continue;
						}
						ObjectNode schema = (ObjectNode) version.path("schema").path("openAPIV3Schema").deepCopy();
						// Every object has these, whether or not its CRD spells them out.
						ObjectNode root = (schema.get("properties") instanceof ObjectNode properties) ? properties
								: schema.putObject("properties");
						if (!root.has("apiVersion")) {
							root.putObject("apiVersion").put("type", "string");
						}
						if (!root.has("kind")) {
							root.putObject("kind").put("type", "string");
						}
						if (!root.has("metadata")) {
							root.putObject("metadata").put("type", "object");
						}
						closeObjects(schema);
						schemas.put(group + "/" + version.path("name").asString() + "/" + kind,
								registry.getSchema(schema));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		custom = Map.copyOf(schemas);
		return custom;
	}

	/**
	 * Structural schemas say which fields exist: an object schema with properties accepts
	 * no others unless it keeps unknown fields on purpose or declares a map
	 * (additionalProperties). anyOf/allOf/oneOf branches only add conditions and are left
	 * alone.
	 */
	static void closeObjects(JsonNode schema) {
		if (!(schema instanceof ObjectNode node)) {
			return;
		}
		if (node.has("properties") && !node.has("additionalProperties")
				&& !node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
			node.put("additionalProperties", false);
		}
		for (String child : Set.of("properties", "patternProperties")) {
			if (node.get(child) instanceof ObjectNode properties) {
				properties.forEach(ApiSchemas::closeObjects);
			}
		}
		if (node.get("items") instanceof ArrayNode items) {
			items.forEach(ApiSchemas::closeObjects);
		}
		else {
			closeObjects(node.get("items"));
		}
		closeObjects(node.get("additionalProperties"));
	}

}
