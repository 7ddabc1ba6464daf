package org.biochemsec2030.platform.search;

import java.io.IOException;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;

/**
 * One place that decides what an Elasticsearch failure means for the caller: an engine
 * that is away, overloaded or failing is {@link SearchUnavailableException}; a request
 * the engine rejects as malformed is a defect in this library and stays an
 * {@link ElasticsearchException}.
 */
final class Elastic {

	private Elastic() {
	}

	@FunctionalInterface
	interface Call<T> {

		T run() throws IOException;

	}

	static <T> T call(String what, Call<T> call) {
		try {
			return call.run();
		}
		catch (IOException ex) {
			throw new SearchUnavailableException("Elasticsearch could not be reached to " + what, ex);
		}
		catch (ElasticsearchException ex) {
			if (ex.status() >= 500 || ex.status() == 429) {
				throw new SearchUnavailableException("Elasticsearch failed to " + what + ": " + ex.getMessage(), ex);
			}
			throw ex;
		}
		catch (RuntimeException ex) {
			// The low-level REST client reports some connection failures unchecked.
			if (ex.getCause() instanceof IOException) {
				throw new SearchUnavailableException("Elasticsearch could not be reached to " + what, ex);
			}
			throw ex;
		}
	}

	static boolean isNotFound(ElasticsearchException ex) {
		return ex.status() == 404;
	}

}
