package org.biochemsec2030.content.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.biochemsec2030.content.ContentServiceApplication;
import org.biochemsec2030.content.post.PostInput;
import org.biochemsec2030.content.post.PostService;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.test.RealEnginesInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A post scheduled while one instance runs is published by the next one, although its
 * time came while no instance was running: the schedule is in the database, not in a
 * timer. Runs its own instances (the shared test instance has no scheduler).
 */
class ScheduledPublicationIT {

	@Test
	void publishesAScheduledPostAfterARestart() throws InterruptedException {
		UUID id;
		Instant at;
		try (ConfigurableApplicationContext first = start()) {
			PostService posts = first.getBean(PostService.class);
			Actor editor = new Actor("test-editor", "editor", List.of("editor"));
			id = UUID
				.fromString(posts
					.create(editor,
							new PostInput("Scheduled across a restart " + UUID.randomUUID(), "Summary.", "Body.",
									List.of(), List.of("genome-editing"), List.of("BWC"), List.of(), null, false, null))
					.id());
			at = Instant.now().plusSeconds(2);
			assertThat(posts.publish(editor, id, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).status().name())
				.isEqualTo("SCHEDULED");
		}
		// No instance runs while the publication time passes.
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), at).toMillis()) + 1000);

		try (ConfigurableApplicationContext second = start()) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> jdbc.sql("select status from post where id = ?").param(id).query(String.class).single(),
						"PUBLISHED"::equals);
			assertThat(jdbc.sql("select count(*) from event_outbox where aggregate_id = ? and type = ?")
				.params(id.toString(), "org.biochemsec2030.content.post.published.v1")
				.query(Long.class)
				.single()).as("published event on bcs.content and bcs.public").isEqualTo(2);
			assertThat(jdbc.sql("select actor from audit_log where target = ? and action = 'post.published'")
				.param("post:" + id)
				.query(String.class)
				.list()).containsExactly("system:scheduler");
		}
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(ContentServiceApplication.class).initializers(new RealEnginesInitializer())
			.properties("server.port=0", "bcs.content.scheduler.interval=500ms", "bcs.events.relay.enabled=false")
			.run();
	}

}
