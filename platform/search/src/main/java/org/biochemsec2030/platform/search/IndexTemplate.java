package org.biochemsec2030.platform.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

/**
 * The index template every versioned index of the suite is created from
 * ({@code bcs-<service>-v<timestamp>}). Installing it again replaces it with the same
 * content, so every app may install it at start. A changed mapping reaches existing
 * indices only through a rebuild, which creates a new index from the template.
 */
final class IndexTemplate {

	static final String NAME = "bcs-search";

	private static final String RESOURCE = "/bcs-search/index-template.json";

	private IndexTemplate() {
	}

	static void install(ElasticsearchClient client) throws IOException {
		try (InputStream template = IndexTemplate.class.getResourceAsStream(RESOURCE)) {
			if (template == null) {
				throw new UncheckedIOException(new IOException(RESOURCE + " is missing from the classpath"));
			}
			client.indices().putIndexTemplate(request -> request.name(NAME).withJson(template));
		}
	}

}
