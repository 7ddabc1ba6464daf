package org.biochemsec2030.network;

import java.net.URI;
import java.net.http.HttpRequest;

import org.biochemsec2030.platform.test.Engines;

/** What Elasticsearch holds in this service's index, read straight from the engine. */
public final class SearchEntries {

	private SearchEntries() {
	}

	/** The document's source as JSON text, or null when there is none. */
	public static String of(String id) {
		Api.Response found = Api
			.send(HttpRequest.newBuilder(URI.create(Engines.elasticsearchUri() + "/bcs-network/_doc/" + id)).GET());
		return (found.status() == 200) ? found.json().path("_source").toString() : null;
	}

}
