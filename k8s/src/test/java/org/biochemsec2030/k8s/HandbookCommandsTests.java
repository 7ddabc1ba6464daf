package org.biochemsec2030.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/kubernetes.md keeps the commands that need no cluster in its {@code sh} blocks,
 * and every one of them runs here as written (a pipe into {@code kubectl apply} is cut
 * off: that part needs a cluster). Commands that need one are in plain blocks.
 */
class HandbookCommandsTests {

	static final String HANDBOOK = "docs/kubernetes.md";

	static List<String> commands() {
		List<String> commands = new ArrayList<>();
		Matcher block = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(Manifests.read(HANDBOOK));
		while (block.find()) {
			block.group(1).lines().map(String::strip).filter((l) -> !l.isEmpty()).forEach(commands::add);
		}
		return commands;
	}

	static Stream<String> runnable() {
		return commands().stream();
	}

	@Test
	void handbookHasCommandsToRun() {
		assertThat(commands()).anyMatch((c) -> c.startsWith("kubectl kustomize k8s/overlays/prod"))
			.anyMatch((c) -> c.startsWith("kubectl kustomize k8s/recovery"))
			.anyMatch((c) -> c.startsWith("kubectl create secret"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("runnable")
	void commandRunsWithoutACluster(String command) {
		assertThat(command).as("only commands that need no cluster belong in an sh block")
			.matches("kubectl kustomize .*|kubectl create .*--dry-run=client -o yaml.*");
		String offline = command.replaceFirst("\\s*\\|\\s*kubectl apply.*$", "");
		Manifests.kubectlBinary();
		Manifests.Result result = Manifests.run(List.of("bash", "-c", offline), Manifests.root());
		assertThat(result.exit()).as(offline + "\n" + result.err()).isZero();
		List<JsonNode> objects = Manifests.parse(result.out());
		assertThat(objects).isNotEmpty();
		if (command.startsWith("kubectl create secret")) {
			assertThat(objects).singleElement()
				.satisfies((secret) -> assertThat(secret.path("kind").asString()).isEqualTo("Secret"));
		}
	}

	/**
	 * Why the handbook has no {@code kubectl apply --dry-run=client} to run here: even
	 * without validation, kubectl asks the API server which resource each kind is. Should
	 * a kubectl do without, this fails, and the command belongs in the handbook's sh
	 * blocks.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "--validate=true", "--validate=false" })
	void aClientSideDryRunStillNeedsACluster(String validate) {
		String offline = "kubectl kustomize k8s/overlays/dev | kubectl apply --dry-run=client " + validate
				+ " -n bcs-dev -f -";
		Manifests.kubectlBinary();
		Manifests.Result result = Manifests.run(List.of("bash", "-o", "pipefail", "-c", offline), Manifests.root());
		assertThat(result.exit()).as(offline).isNotZero();
		assertThat(result.err()).contains(Manifests.NOWHERE);
		assertThat(Manifests.read(HANDBOOK)).contains("--dry-run=server");
	}

	@Test
	void everySecretTheManifestsNeedIsInTheHandbook() {
		String handbook = Manifests.read(HANDBOOK);
		Set<String> made = new TreeSet<>();
		for (String target : Manifests.TARGETS) {
			Manifests.ofKind(target, "Secret").forEach((s) -> made.add(Manifests.name(s)));
			// Strimzi writes one Secret per KafkaUser.
			Manifests.ofKind(target, "KafkaUser").forEach((u) -> made.add(Manifests.name(u)));
		}
		Set<String> referenced = new TreeSet<>();
		Manifests.all().forEach((o) -> collectSecretNames(o, referenced));
		assertThat(referenced).contains("gateway-oidc", "content-service-db", "bcs-backup-s3", "bcs-tls");
		for (String secret : referenced) {
			if (!made.contains(secret)) {
				assertThat(handbook.contains("`" + secret + "`")).as("docs/kubernetes.md, Secrets, names " + secret)
					.isTrue();
			}
		}
	}

	/** secretKeyRef, passwordSecret, secretName and the like, anywhere in an object. */
	private static void collectSecretNames(JsonNode node, Set<String> names) {
		if (node.isObject()) {
			node.properties().forEach((e) -> {
				String key = e.getKey();
				JsonNode value = e.getValue();
				if (key.equals("secretName") && value.isString()) {
					names.add(value.asString());
				}
				else if ((key.equals("secretKeyRef") || key.equals("passwordSecret") || key.equals("usernameSecret")
						|| key.equals("secret") || key.equals("accessKeyId") || key.equals("secretAccessKey"))
						&& value.path("name").isString()) {
					names.add(value.path("name").asString());
				}
				else if (key.equals("secret") && value.isString() && !value.asString().startsWith("${")) {
					names.add(value.asString());
				}
				collectSecretNames(value, names);
			});
		}
		else if (node.isArray()) {
			node.forEach((n) -> collectSecretNames(n, names));
		}
	}

}
