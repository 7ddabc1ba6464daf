package org.biochemsec2030.content.demo;

import org.biochemsec2030.content.Api;
import org.biochemsec2030.content.ContentServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ContentServiceTest
class DemoContentIT {

	@LocalServerPort
	int port;

	@Autowired
	DemoContent demo;

	@Autowired
	JdbcClient jdbc;

	@Test
	void demoContentLoadsOnceThroughTheServicesAndReadsLikeTheProject() {
		this.demo.load();
		assertThat(this.demo.load()).as("a second load skips what is there").isFalse();

		Api reader = new Api(this.port, null);
		JsonNode report = reader.get("/api/content/v1/pages/first-meeting-report").json();
		assertThat(report.path("html").asString()).contains("resolution 2118 (2013)");
		JsonNode posts = reader.get("/api/content/v1/posts?size=50").json();
		assertThat(posts.path("items").valueStream().map(p -> p.path("title").asString()))
			.contains("Gene synthesis screening: a soft measure with hard edges");
		assertThat(this.jdbc
			.sql("select count(*) from post p join post_revision r on r.post_id = p.id"
					+ " where r.title = 'Gene synthesis screening: a soft measure with hard edges'")
			.query(Long.class)
			.single()).isOne();
		assertThat(this.jdbc
			.sql("select count(distinct actor) from audit_log where action = 'post.published'"
					+ " and actor = 'system:demo'")
			.query(Long.class)
			.single()).isOne();
		assertThat(this.jdbc.sql("select count(*) from event_outbox where type = ?")
			.param("org.biochemsec2030.content.micropost.published.v1")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void theApiDescribesItselfInOpenApi() {
		Api reader = new Api(this.port, null);
		JsonNode document = reader.get("/api/content/v1/openapi").json();
		assertThat(document.path("openapi").asString()).startsWith("3.");
		assertThat(document.path("paths").propertyNames()).contains("/api/content/v1/posts",
				"/api/content/v1/posts/{id}/publish", "/api/content/v1/micro");
		assertThat(reader.get("/api/content/v1/openapi.yaml").body()).contains("openapi:");
	}

}
