package org.biochemsec2030.platform.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.biochemsec2030.platform.test.Engines;
import org.elasticsearch.client.RestClient;

/**
 * The real Elasticsearch of the module's integration tests, reached through the same
 * client wiring the apps use. Test classes run one after another, so each test starts
 * from an empty cluster instead of sharing documents through {@code bcs-public}.
 */
final class TestCluster {

	private static ElasticsearchClient client;

	private TestCluster() {
	}

	static synchronized ElasticsearchClient client() {
		if (client == null) {
			client = clientFor(Engines.elasticsearchUri());
		}
		return client;
	}

	static ElasticsearchClient clientFor(String uri) {
		var properties = new SearchProperties(List.of(URI.create(uri)), null, null, Duration.ofSeconds(2),
				Duration.ofSeconds(30), null);
		var configuration = new SearchAutoConfiguration();
		RestClient restClient = configuration.elasticsearchRestClient(properties);
		return configuration.elasticsearchClient(configuration.elasticsearchTransport(restClient));
	}

	/** Deletes every index and the template of the suite: a fresh cluster. */
	static void reset() {
		try {
			var indices = client().indices().get(get -> get.index("bcs-*").allowNoIndices(true)).result().keySet();
			for (String index : indices) {
				client().indices().delete(delete -> delete.index(index));
			}
			client().indices().deleteIndexTemplate(delete -> delete.name(IndexTemplate.NAME));
		}
		catch (co.elastic.clients.elasticsearch._types.ElasticsearchException ex) {
			if (ex.status() != 404) {
				throw ex;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> indicesBehind(String alias) {
		try {
			return List.copyOf(client().indices().getAlias(get -> get.name(alias)).result().keySet());
		}
		catch (co.elastic.clients.elasticsearch._types.ElasticsearchException ex) {
			if (ex.status() == 404) {
				return List.of();
			}
			throw ex;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> indices(String pattern) {
		try {
			return List.copyOf(client().indices()
				.get(get -> get.index(pattern).allowNoIndices(true).ignoreUnavailable(true))
				.result()
				.keySet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
