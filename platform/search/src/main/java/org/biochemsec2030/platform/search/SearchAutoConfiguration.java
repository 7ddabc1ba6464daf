package org.biochemsec2030.platform.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The one Elasticsearch client of an app, the site search over {@code bcs-public} and,
 * when {@code bcs.search.service} names the app's index family, its {@link SearchIndex}.
 * Boot 4 configures the 9.x client, which refuses an 8.x server, so the 8.19 client is
 * wired here instead.
 */
@AutoConfiguration
@EnableConfigurationProperties(SearchProperties.class)
public class SearchAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	RestClient elasticsearchRestClient(SearchProperties properties) {
		HttpHost[] hosts = properties.uris()
			.stream()
			.map(uri -> new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme()))
			.toArray(HttpHost[]::new);
		var builder = RestClient.builder(hosts)
			.setRequestConfigCallback(config -> config.setConnectTimeout((int) properties.connectTimeout().toMillis())
				.setSocketTimeout((int) properties.socketTimeout().toMillis()));
		if (properties.username() != null && !properties.username().isBlank()) {
			var credentials = new BasicCredentialsProvider();
			credentials.setCredentials(AuthScope.ANY,
					new UsernamePasswordCredentials(properties.username(), properties.password()));
			builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
		}
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	ElasticsearchTransport elasticsearchTransport(RestClient restClient) {
		return new RestClientTransport(restClient, new Jackson3JsonpMapper());
	}

	@Bean
	@ConditionalOnMissingBean
	ElasticsearchClient elasticsearchClient(ElasticsearchTransport transport) {
		return new ElasticsearchClient(transport);
	}

	@Bean
	@ConditionalOnMissingBean
	SiteSearch siteSearch(ElasticsearchClient client) {
		return new SiteSearch(client);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("bcs.search.service")
	SearchIndex searchIndex(ElasticsearchClient client, SearchProperties properties) {
		return new SearchIndex(client, properties.service());
	}

	@Bean
	SearchStartup searchStartup(ElasticsearchClient client, ObjectProvider<SearchIndex> index) {
		return new SearchStartup(client, index.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean(name = "elasticsearchHealthIndicator")
	ElasticsearchHealthIndicator elasticsearchHealthIndicator(ElasticsearchClient client) {
		return new ElasticsearchHealthIndicator(client);
	}

}
