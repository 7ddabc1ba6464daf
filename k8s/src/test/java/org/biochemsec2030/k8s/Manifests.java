package org.biochemsec2030.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The project's manifests as the cluster would get them: rendered with
 * {@code kubectl kustomize} (kustomize v5 built into kubectl), one JSON tree per object.
 * <p>
 * kubectl is required, not optional: without it nothing here can be checked, so its
 * absence fails the build with a message saying what to install, rather than skipping the
 * checks.
 */
final class Manifests {

	static final YAMLMapper YAML = YAMLMapper.builder().build();

	/**
	 * Every kustomization an operator applies: the two overlays and the recovery example.
	 */
	static final List<String> TARGETS = List.of("k8s/overlays/dev", "k8s/overlays/prod", "k8s/recovery");

	static final List<String> OVERLAYS = List.of("k8s/overlays/dev", "k8s/overlays/prod");

	private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("v(\\d+)\\.(\\d+)");

	private static final Map<String, List<JsonNode>> rendered = new ConcurrentHashMap<>();

	private Manifests() {
	}

	static Path root() {
		String root = System.getProperty("bcs.repo.root");
		if (root != null) {
			return Path.of(root).toAbsolutePath().normalize();
		}
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("k8s/base/kustomization.yaml"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("Cannot find the project's root (k8s/base/kustomization.yaml)");
		}
		return dir;
	}

	/**
	 * The operators' CRDs, kept outside the project: ../shared/k8s-crds beside its root
	 * (see that README), or under the folder the system property bcs.shared names (the
	 * build sets it).
	 */
	static Path crds() {
		String shared = System.getProperty("bcs.shared");
		Path crds = ((shared != null) ? Path.of(shared) : root().resolve("../shared")).resolve("k8s-crds").normalize();
		if (!Files.isDirectory(crds)) {
			throw new IllegalStateException("The operators' CRD schemas are missing: expected them in " + crds
					+ " (../shared/k8s-crds beside the project, or set -Dbcs.shared=<folder>)");
		}
		return crds;
	}

	static String read(String relative) {
		try {
			return Files.readString(root().resolve(relative));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The objects of one kustomization, rendered once per test run. */
	static List<JsonNode> render(String target) {
		return rendered.computeIfAbsent(target, (t) -> parse(kubectl("kustomize", root().resolve(t).toString())));
	}

	static Stream<JsonNode> all() {
		return TARGETS.stream().flatMap((t) -> render(t).stream());
	}

	static List<JsonNode> parse(String yaml) {
		List<JsonNode> objects = new ArrayList<>();
		try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
			while (docs.hasNext()) {
				JsonNode doc = docs.next();
				if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
					objects.add(doc);
				}
			}
		}
		return objects;
	}

	static List<JsonNode> ofKind(String target, String kind) {
		return render(target).stream().filter((o) -> kind.equals(o.path("kind").asString())).toList();
	}

	static JsonNode one(String target, String kind, String name) {
		return ofKind(target, kind).stream()
			.filter((o) -> name.equals(name(o)))
			.findFirst()
			.orElseThrow(() -> new AssertionError(kind + " " + name + " is not in " + target));
	}

	static String name(JsonNode object) {
		return object.path("metadata").path("name").asString();
	}

	static String id(JsonNode object) {
		return object.path("kind").asString() + "/" + name(object);
	}

	/**
	 * Runs kubectl with a kubeconfig whose only cluster is an address where nothing
	 * listens (port 1), so nothing can reach a cluster by accident (without a cluster,
	 * kubectl would try localhost:8080, where a developer's gateway may be listening).
	 */
	static String kubectl(String... args) {
		List<String> command = new ArrayList<>();
		command.add(kubectlBinary());
		command.addAll(List.of(args));
		Result result = run(command, root());
		if (result.exit() != 0) {
			throw new AssertionError("kubectl " + String.join(" ", args) + " failed (" + result.exit() + "):\n"
					+ result.err() + result.out());
		}
		return result.out();
	}

	record Result(int exit, String out, String err) {
	}

	/** The address kubectl is given: nothing listens there. */
	static final String NOWHERE = "https://127.0.0.1:1";

	private static final String NO_CLUSTER = """
			apiVersion: v1
			kind: Config
			clusters:
			  - name: none
			    cluster:
			      server: %s
			contexts:
			  - name: none
			    context:
			      cluster: none
			      user: none
			current-context: none
			users:
			  - name: none
			    user:
			      token: none
			""".formatted(NOWHERE);

	static Result run(List<String> command, Path dir) {
		try {
			Path kubeconfig = Files.createTempFile("no-cluster", ".kubeconfig");
			Files.writeString(kubeconfig, NO_CLUSTER);
			Path out = Files.createTempFile("kubectl", ".out");
			Path err = Files.createTempFile("kubectl", ".err");
			ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
				.redirectOutput(out.toFile())
				.redirectError(err.toFile());
			builder.environment().put("KUBECONFIG", kubeconfig.toString());
			Process process = builder.start();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
			}
			Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
			Files.delete(out);
			Files.delete(err);
			Files.delete(kubeconfig);
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static volatile String kubectl;

	/**
	 * kubectl from BCS_KUBECTL or the PATH, with kustomize v5 or newer inside (components
	 * and the patches used here need it; Debian's old kubernetes-client package is too
	 * old).
	 */
	static String kubectlBinary() {
		if (kubectl != null) {
			return kubectl;
		}
		String configured = System.getenv("BCS_KUBECTL");
		String binary = (configured != null && !configured.isBlank()) ? configured : onPath("kubectl");
		if (binary == null || !Files.isExecutable(Path.of(binary))) {
			throw new IllegalStateException("kubectl is needed to render the Kubernetes manifests and was not found "
					+ "on the PATH (or in BCS_KUBECTL): install kubectl 1.27 or newer (it carries kustomize v5) and "
					+ "run the build again. See docs/kubernetes.md, \"Checking the manifests\".");
		}
		Result version = run(List.of(binary, "version", "--client"), root());
		Matcher matcher = Pattern.compile("Kustomize Version: " + KUSTOMIZE_VERSION.pattern()).matcher(version.out());
		if (version.exit() != 0 || !matcher.find() || Integer.parseInt(matcher.group(1)) < 5) {
			throw new IllegalStateException(binary + " has no kustomize v5 or newer (`kubectl version --client` said: "
					+ version.out().strip() + version.err().strip()
					+ "): install kubectl 1.27 or newer. See docs/kubernetes.md, \"Checking the manifests\".");
		}
		kubectl = binary;
		return binary;
	}

	private static String onPath(String name) {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String dir : path.split(java.io.File.pathSeparator)) {
			Path candidate = Path.of(dir, name);
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		return null;
	}

}
