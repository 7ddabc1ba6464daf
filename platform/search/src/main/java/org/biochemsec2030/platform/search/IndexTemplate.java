package org.biochemsec2030.platform.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The index template every versioned index of the suite is created from
 * ({@code bcs-<service>-v<timestamp>}). Installing it again replaces it with the same
 * content, so every app may install it at start. A field added to the mapping is added to
 * the existing indices at start too (Elasticsearch accepts new fields on a live index,
 * and the mapping is strict, so a document carrying the new field would otherwise be
 * refused), and so does the refresh interval, a dynamic setting; any other change of the
 * mapping or the settings reaches them only through a rebuild, which creates a new index
 * from the template.
 */
final class IndexTemplate {

	static final String NAME = "bcs-search";

	private static final String RESOURCE = "/bcs-search/index-template.json";

	private IndexTemplate() {
	}

	/** Adds the template's fields that the indices behind the alias do not have yet. */
	static void addNewFields(ElasticsearchClient client, String alias) throws IOException {
		String mappings;
		try (InputStream template = open()) {
			mappings = new JsonMapper().readTree(template).path("template").path("mappings").toString();
		}
		client.indices().putMapping(request -> request.index(alias).withJson(new StringReader(mappings)));
	}

	/**
	 * The refresh interval every live index has: how long at most a write waits before
	 * searches see it. Read from the template, which owns it.
	 */
	static String refreshInterval() {
		try (InputStream template = open()) {
			JsonNode interval = new JsonMapper().readTree(template)
				.path("template")
				.path("settings")
				.path("refresh_interval");
			if (!interval.isString()) {
				throw new IllegalStateException(RESOURCE + " sets no refresh_interval");
			}
			return interval.asString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Gives the indices behind the alias the template's refresh interval. */
	static void applyRefreshInterval(ElasticsearchClient client, String alias) throws IOException {
		String interval = refreshInterval();
		client.indices()
			.putSettings(request -> request.index(alias).settings(s -> s.refreshInterval(t -> t.time(interval))));
	}

	private static InputStream open() {
		InputStream template = IndexTemplate.class.getResourceAsStream(RESOURCE);
		if (template == null) {
			throw new UncheckedIOException(new IOException(RESOURCE + " is missing from the classpath"));
		}
		return template;
	}

	static void install(ElasticsearchClient client) throws IOException {
		try (InputStream template = open()) {
			client.indices().putIndexTemplate(request -> request.name(NAME).withJson(template));
		}
	}

}
