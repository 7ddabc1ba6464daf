package org.biochemsec2030.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates objects with a JSON Schema validator the way a strict API server takes them:
 * unknown fields and wrong types are errors.
 * <ul>
 * <li>Built-in kinds against the Kubernetes API's JSON Schemas: the
 * {@code schema/validation-schema.json} that the fabric8 model jars ship, generated from
 * the API's Go types (version and origin in the root pom; the build unpacks them, see
 * {@link #apiSchemas()}). Those schemas describe Java classes that keep unknown fields,
 * so every object in them says {@code additionalProperties: true}; here every object
 * schema that lists its properties is closed, as the API server's strict field validation
 * is. Maps (no properties, a schema for the values) stay maps.</li>
 * <li>The operators' kinds against their CRD's {@code openAPIV3Schema}
 * (../shared/k8s-crds), where every object schema that lists its properties and does not
 * ask to keep unknown fields gets {@code additionalProperties: false}, as the API server
 * prunes or (strict field validation) refuses them. Their metadata is validated against
 * the API's ObjectMeta. CEL rules ({@code x-kubernetes-validations}) are not
 * evaluated.</li>
 * </ul>
 */
final class ApiSchemas {

	/** The fabric8 model modules whose schemas hold the kinds the manifests use. */
	static final List<String> API_MODULES = List.of("apps", "autoscaling", "policy", "networking");

	static final String OBJECT_META = "kubernetes_apimachinery_ObjectMeta";

	/**
	 * What the API server's quantity parser accepts ("500m", "384Mi", "1e3"): the schemas
	 * describe Quantity by its Go fields, not by its form on the wire.
	 */
	static final String QUANTITY = "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))"
			+ "(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";

	/**
	 * The schemas keep the alpha and beta versions of the API groups for older clusters
	 * (autoscaling/v2beta2, ...): the manifests use GA versions only.
	 */
	private static final Pattern PRE_RELEASE = Pattern.compile("v\\d+(alpha|beta)\\d*$");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final SchemaRegistry apiRegistry = registry(SpecificationVersion.DRAFT_7);

	private static final Map<String, Schema> apiSchemas = new ConcurrentHashMap<>();

	private static volatile Api api;

	private static volatile Map<String, Schema> custom;

	/** The API's definitions, and which of them is the kind of each apiVersion/kind. */
	private record Api(ObjectNode definitions, Map<String, String> kinds) {
	}

	private ApiSchemas() {
	}

	/** Errors located as JSON paths ($.spec.containers[0]), as kubectl names fields. */
	private static SchemaRegistry registry(SpecificationVersion version) {
		return SchemaRegistry.withDefaultDialect(version, (registry) -> registry
			.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build()));
	}

	static String type(JsonNode object) {
		return object.path("apiVersion").asString() + "/" + object.path("kind").asString();
	}

	/** What is wrong with the object; empty when the API would take it as it is. */
	static List<String> problems(JsonNode object) {
		String type = type(object);
		String definition = api().kinds().get(type);
		if (definition != null) {
			if (PRE_RELEASE.matcher(object.path("apiVersion").asString()).find()) {
				return List.of(type + " is a pre-release version of the API, which a cluster may not serve or may"
						+ " have removed: use the kind's GA version");
			}
			return errors(apiSchema(definition), object, "$");
		}
		Schema schema = customResources().get(type);
		if (schema == null) {
			return List.of(type + " is neither a kind of the Kubernetes API's schemas nor of the operators' CRDs");
		}
		List<String> problems = errors(schema, object, "$");
		if (object.has("metadata")) {
			problems.addAll(errors(apiSchema(OBJECT_META), object.get("metadata"), "$.metadata"));
		}
		return problems;
	}

	/** Every apiVersion/kind the Kubernetes API's schemas describe. */
	static Set<String> builtInKinds() {
		return api().kinds().keySet();
	}

	private static List<String> errors(Schema schema, JsonNode value, String at) {
		List<String> problems = new ArrayList<>();
		for (Error error : schema.validate(value)) {
			String location = error.getInstanceLocation().toString();
			problems
				.add(at + (location.startsWith("$") ? location.substring(1) : location) + ": " + error.getMessage());
		}
		return problems;
	}

	private static Schema apiSchema(String definition) {
		return apiSchemas.computeIfAbsent(definition, (name) -> {
			ObjectNode root = JsonNodeFactory.instance.objectNode();
			root.set("definitions", api().definitions());
			root.put("$ref", "#/definitions/" + name);
			return apiRegistry.getSchema(root);
		});
	}

	/**
	 * Where the build unpacked the Kubernetes API's schemas (the system property
	 * bcs.k8s.api-schemas; k8s/target/kubernetes-api-schemas otherwise).
	 */
	static Path apiSchemas() {
		String configured = System.getProperty("bcs.k8s.api-schemas");
		Path dir = (configured != null) ? Path.of(configured)
				: Manifests.root().resolve("k8s/target/kubernetes-api-schemas");
		if (!Files.isDirectory(dir)) {
			throw new IllegalStateException("The Kubernetes API's JSON Schemas are missing from " + dir
					+ ": run the k8s module's build (./mvnw -B -pl k8s -am verify), which unpacks them");
		}
		return dir;
	}

	private static Api api() {
		if (api != null) {
			return api;
		}
		ObjectNode definitions = JsonNodeFactory.instance.objectNode();
		for (String module : API_MODULES) {
			Path file = apiSchemas().resolve(module).resolve("schema/validation-schema.json");
			JsonNode document;
			try {
				document = json.readTree(Files.readString(file));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			// The modules repeat the definitions they share (ObjectMeta, PodSpec, ...).
			document.path("definitions").properties().forEach((e) -> {
				if (!definitions.has(e.getKey())) {
					definitions.set(e.getKey(), wireForm(e.getKey(), e.getValue()));
				}
			});
		}
		Map<String, String> kinds = new HashMap<>();
		definitions.properties().forEach((e) -> {
			JsonNode properties = e.getValue().path("properties");
			String apiVersion = properties.path("apiVersion").path("default").asString("");
			String kind = properties.path("kind").path("default").asString("");
			if (!apiVersion.isEmpty() && !kind.isEmpty()) {
				kinds.put(apiVersion + "/" + kind, e.getKey());
			}
		});
		api = new Api(definitions, Map.copyOf(kinds));
		return api;
	}

	/**
	 * A definition as the API reads it from JSON. Three types have their own JSON form
	 * that the schemas describe by Go fields instead: IntOrString (a number or a string),
	 * Quantity (a number or a quantity string), MicroTime (a timestamp string).
	 */
	private static JsonNode wireForm(String name, JsonNode definition) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		if (name.endsWith("_IntOrString")) {
			node.putArray("type").add("integer").add("string");
			return node;
		}
		if (name.endsWith("_Quantity")) {
			node.putArray("type").add("string").add("number");
			node.put("pattern", QUANTITY);
			return node;
		}
		if (name.endsWith("_MicroTime")) {
			node.put("type", "string");
			return node;
		}
		JsonNode strict = definition.deepCopy();
		closeApiObjects(strict);
		return strict;
	}

	/**
	 * Closes every object schema that lists its properties and drops the keywords meant
	 * for fabric8's code generator: Java types, and the draft 3 {@code required: true}
	 * that marks apiVersion and kind even where an object is embedded without them (a
	 * StatefulSet's volumeClaimTemplates).
	 */
	private static void closeApiObjects(JsonNode schema) {
		if (!(schema instanceof ObjectNode node)) {
			return;
		}
		node.remove(List.of("javaType", "existingJavaType", "javaInterfaces", "javaOmitEmpty"));
		if (node.get("properties") instanceof ObjectNode properties) {
			node.put("additionalProperties", false);
			properties.forEach((property) -> {
				if (property instanceof ObjectNode p && p.path("required").isBoolean()) {
					p.remove("required");
				}
				closeApiObjects(property);
			});
		}
		closeApiObjects(node.get("items"));
		closeApiObjects(node.get("additionalProperties"));
	}

	/** One schema per apiVersion/kind of every CRD version the operators serve. */
	static Map<String, Schema> customResources() {
		if (custom != null) {
			return custom;
		}
		Map<String, Schema> schemas = new HashMap<>();
		SchemaRegistry registry = registry(SpecificationVersion.DRAFT_4);
		try (Stream<Path> files = Files.walk(Manifests.crds())) {
			for (Path file : files.filter((f) -> f.toString().matches(".*\\.ya?ml$")).sorted().toList()) {
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
