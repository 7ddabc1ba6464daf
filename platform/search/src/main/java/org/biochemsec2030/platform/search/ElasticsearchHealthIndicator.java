package org.biochemsec2030.platform.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports the cluster's own health. Yellow counts as up: a single-node cluster cannot
 * place replicas and still serves every query.
 */
public class ElasticsearchHealthIndicator extends AbstractHealthIndicator {

	private final ElasticsearchClient client;

	public ElasticsearchHealthIndicator(ElasticsearchClient client) {
		super("Elasticsearch health check failed");
		this.client = client;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		HealthResponse health = this.client.cluster().health();
		if (health.status() == HealthStatus.Red) {
			builder.down();
		}
		else {
			builder.up();
		}
		builder.withDetail("cluster", health.clusterName())
			.withDetail("status", health.status().jsonValue())
			.withDetail("nodes", health.numberOfNodes());
	}

}
