package org.biochemsec2030.platform.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Installs the index template, and the app's own index family if it has one, once the app
 * is up. A cluster that is not there yet only gets a warning: search is derived data, and
 * the first write installs both anyway.
 */
class SearchStartup implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger logger = LoggerFactory.getLogger(SearchStartup.class);

	private final ElasticsearchClient client;

	private final @Nullable SearchIndex index;

	SearchStartup(ElasticsearchClient client, @Nullable SearchIndex index) {
		this.client = client;
		this.index = index;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		try {
			if (this.index != null) {
				this.index.ensureExists();
			}
			else {
				Elastic.call("install the index template", () -> {
					IndexTemplate.install(this.client);
					return null;
				});
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Search indices not prepared at start, retried on first write: {}", ex.getMessage());
		}
	}

}
