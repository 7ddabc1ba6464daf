package org.biochemsec2030.platform.defaults;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Asks the broker for its cluster description. Boot has no Kafka health indicator; this
 * one keeps a single admin client for the app's lifetime because creating one per probe
 * costs a connection handshake and a metadata round trip every few seconds.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private final KafkaAdmin kafkaAdmin;

	private final Duration timeout;

	private volatile Admin admin;

	public KafkaHealthIndicator(KafkaAdmin kafkaAdmin, Duration timeout) {
		super("Kafka health check failed");
		this.kafkaAdmin = kafkaAdmin;
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		DescribeClusterResult cluster = admin()
			.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
		String clusterId = cluster.clusterId().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		int nodes = cluster.nodes().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS).size();
		builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
	}

	private Admin admin() {
		Admin current = this.admin;
		if (current == null) {
			synchronized (this) {
				current = this.admin;
				if (current == null) {
					current = Admin.create(this.kafkaAdmin.getConfigurationProperties());
					this.admin = current;
				}
			}
		}
		return current;
	}

	@Override
	public void destroy() {
		Admin current = this.admin;
		if (current != null) {
			current.close(Duration.ofSeconds(2));
		}
	}

}
