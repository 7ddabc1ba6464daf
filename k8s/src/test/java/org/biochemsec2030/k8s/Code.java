package org.biochemsec2030.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * What the apps themselves say, read from their sources and configuration files: the
 * other side of every comparison in {@link ManifestsMatchTheAppsTests}. Reading files
 * keeps this module free of the apps' classpaths (a test of manifests should not need
 * five Spring contexts).
 */
final class Code {

	static final List<String> APPS = List.of("gateway", "content-service", "network-service", "tracker-service",
			"publishing-service");

	static final List<String> SERVICES = APPS.subList(1, APPS.size());

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?)([^}]*)}");

	private static final Pattern SUBSCRIPTION = Pattern
		.compile("new EventSubscription\\(\\s*([\\w.]+)\\s*,\\s*([\\w.]+)\\s*,");

	private static final Pattern OUTBOX_APPEND = Pattern
		.compile("(?:outbox\\.append|announcer\\.announce(?:UnderEmbargo)?)\\(\\s*([\\w.]+)\\s*,");

	/**
	 * The platform's Announcer writes partner-facing events to bcs.public, and embargoed
	 * ones to bcs.embargoed first, besides the service's own topic.
	 */
	private static final Pattern ANNOUNCE = Pattern.compile("announcer\\.announce\\(");

	private static final Pattern ANNOUNCE_UNDER_EMBARGO = Pattern.compile("announcer\\.announceUnderEmbargo\\(");

	private static final Pattern METER = Pattern
		.compile("(Gauge|Counter|FunctionCounter|Timer|DistributionSummary)\\.builder\\(\\s*\"([a-z0-9.]+)\"");

	private Code() {
	}

	record Placeholder(String name, boolean required) {
	}

	record Subscription(String group, String topic) {
		String deadLetterTopic() {
			return this.topic + "." + this.group + ".dlt";
		}
	}

	static JsonNode applicationYml(String app) {
		return Manifests.parse(Manifests.read(app + "/src/main/resources/application.yml")).get(0);
	}

	/**
	 * The YAML files an app's configuration is made of: its own and the platform's it
	 * imports.
	 */
	static List<String> configFiles(String app) {
		List<String> files = new ArrayList<>();
		files.add(app + "/src/main/resources/application.yml");
		if (SERVICES.contains(app)) {
			files.add("platform/service-defaults/src/main/resources/bcs-service-defaults.yml");
		}
		files.add(findOne("platform", "bcs-defaults.yml"));
		return files;
	}

	/**
	 * Every ${NAME} or ${NAME:default} an app's configuration reads from the environment.
	 */
	static Set<Placeholder> placeholders(String app) {
		Set<Placeholder> names = new LinkedHashSet<>();
		for (String file : configFiles(app)) {
			Matcher matcher = PLACEHOLDER.matcher(Manifests.read(file));
			while (matcher.find()) {
				boolean required = matcher.group(2).isEmpty() || matcher.group(3).isEmpty();
				names.add(new Placeholder(matcher.group(1), required));
			}
		}
		return names;
	}

	/**
	 * Environment variables the image itself reads (infra/app/Dockerfile, ENV and its
	 * entrypoint).
	 */
	static Set<String> imageVariables() {
		Set<String> names = new TreeSet<>();
		Matcher matcher = Pattern.compile("ENV ([^\\n]+)").matcher(Manifests.read("infra/app/Dockerfile"));
		while (matcher.find()) {
			for (String assignment : matcher.group(1).trim().split("\\s+")) {
				names.add(assignment.substring(0, assignment.indexOf('=')));
			}
		}
		return names;
	}

	static List<Path> javaSources(String module) {
		Path dir = Manifests.root().resolve(module).resolve("src/main/java");
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter((f) -> f.toString().endsWith(".java")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Path> allJavaSources() {
		List<Path> sources = new ArrayList<>();
		for (String module : APPS) {
			sources.addAll(javaSources(module));
		}
		try (Stream<Path> modules = Files.list(Manifests.root().resolve("platform"))) {
			modules.filter(Files::isDirectory)
				.forEach((m) -> sources.addAll(javaSources("platform/" + m.getFileName())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return sources;
	}

	/**
	 * The consumer groups and topics an app subscribes to (new EventSubscription(group,
	 * topic, ...)).
	 */
	static Set<Subscription> subscriptions(String app) {
		Set<Subscription> subscriptions = new LinkedHashSet<>();
		for (Path source : javaSources(app)) {
			String code = text(source);
			Matcher matcher = SUBSCRIPTION.matcher(code);
			while (matcher.find()) {
				subscriptions.add(new Subscription(constant(code, matcher.group(1)), constant(code, matcher.group(2))));
			}
		}
		return subscriptions;
	}

	/**
	 * The topics an app writes through its outbox (Outbox.append(topic, event), directly
	 * or through the Announcer).
	 */
	static Set<String> outboxTopics(String app) {
		Set<String> topics = new TreeSet<>();
		for (Path source : javaSources(app)) {
			String code = text(source);
			Matcher matcher = OUTBOX_APPEND.matcher(code);
			while (matcher.find()) {
				topics.add(constant(code, matcher.group(1)));
			}
			if (ANNOUNCE.matcher(code).find()) {
				topics.add(constant(code, "Announcer.PUBLIC_TOPIC"));
			}
			if (ANNOUNCE_UNDER_EMBARGO.matcher(code).find()) {
				topics.add(constant(code, "EmbargoEvents.TOPIC"));
			}
		}
		return topics;
	}

	/**
	 * Every topic constant of the event contracts (platform/contracts: XxxEvents.TOPIC).
	 */
	static Set<String> contractTopics() {
		Set<String> topics = new TreeSet<>();
		for (Path source : javaSources("platform/contracts")) {
			Matcher matcher = Pattern.compile("String TOPIC = \"([^\"]+)\"").matcher(text(source));
			while (matcher.find()) {
				topics.add(matcher.group(1));
			}
		}
		return topics;
	}

	/** Micrometer meter names registered in the code, as Prometheus names them. */
	static Set<String> prometheusMeterNames() {
		Set<String> names = new TreeSet<>();
		for (Path source : allJavaSources()) {
			Matcher matcher = METER.matcher(text(source));
			while (matcher.find()) {
				String base = matcher.group(2).replace('.', '_');
				switch (matcher.group(1)) {
					case "Counter", "FunctionCounter" -> names.add(base + "_total");
					case "Timer" -> {
						names.add(base + "_seconds_count");
						names.add(base + "_seconds_sum");
						names.add(base + "_seconds_bucket");
					}
					default -> names.add(base);
				}
			}
		}
		return names;
	}

	/**
	 * A string constant: NAME in this source, or Type.NAME in Type.java anywhere in the
	 * project.
	 */
	static String constant(String code, String reference) {
		int dot = reference.lastIndexOf('.');
		String name = reference.substring(dot + 1);
		String where = code;
		if (dot > 0) {
			String type = reference.substring(0, dot);
			where = allJavaSources().stream()
				.filter((f) -> f.getFileName().toString().equals(type + ".java"))
				.map(Code::text)
				.findFirst()
				.orElseThrow(() -> new AssertionError("No source for " + type));
		}
		Matcher matcher = Pattern.compile("String " + name + " = \"([^\"]+)\"").matcher(where);
		if (!matcher.find()) {
			throw new AssertionError("No string constant " + reference);
		}
		return matcher.group(1);
	}

	/**
	 * Whether a property (canonical form, e.g. bcs.search.username) is a component of one
	 * of the suite's @ConfigurationProperties records, which Spring binds from
	 * BCS_SEARCH_USERNAME too.
	 */
	static boolean isRecordProperty(String property) {
		Pattern annotated = Pattern
			.compile("@ConfigurationProperties\\(\"([a-z.]+)\"\\)\\s*public record \\w+\\(([^{]*)\\{");
		for (Path source : allJavaSources()) {
			Matcher matcher = annotated.matcher(text(source));
			while (matcher.find()) {
				String prefix = matcher.group(1) + ".";
				if (property.startsWith(prefix) && !property.substring(prefix.length()).contains(".")) {
					String component = property.substring(prefix.length());
					if (Pattern.compile("(?i)\\s" + component + "\\s*[,)]").matcher(matcher.group(2)).find()) {
						return true;
					}
				}
			}
		}
		return false;
	}

	static String text(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String findOne(String under, String name) {
		try (Stream<Path> files = Files.walk(Manifests.root().resolve(under))) {
			return files.filter((f) -> f.getFileName().toString().equals(name) && f.toString().contains("src/main"))
				.map((f) -> Manifests.root().relativize(f).toString())
				.findFirst()
				.orElseThrow(() -> new AssertionError(name + " not found under " + under));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
