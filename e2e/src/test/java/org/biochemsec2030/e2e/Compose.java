package org.biochemsec2030.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml as its services, the shared x-app settings merged into each app. */
final class Compose {

	private Compose() {
	}

	@SuppressWarnings("unchecked")
	static Map<String, Map<String, Object>> services(Path root) {
		try {
			LoaderOptions options = new LoaderOptions();
			options.setMaxAliasesForCollections(100);
			Map<String, Object> compose = new Yaml(options).load(Files.readString(root.resolve("docker-compose.yml")));
			return (Map<String, Map<String, Object>>) compose.get("services");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
