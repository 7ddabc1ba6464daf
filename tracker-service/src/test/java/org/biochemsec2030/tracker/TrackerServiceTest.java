package org.biochemsec2030.tracker;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.biochemsec2030.platform.test.RealEngines;
import org.biochemsec2030.tracker.source.TestFeeds;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The configuration of this module's integration tests that go through the API, so they
 * share one started application: real PostgreSQL, Kafka, Elasticsearch and Keycloak, the
 * fixture sites on loopback readable, no poller (tests poll by hand), and a relay and
 * consumers that do not keep a test waiting.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RealEngines
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bcs.test.identity=true", "bcs.tracker.poller.enabled=false", TestFeeds.LOOPBACK,
				"bcs.events.relay.poll-interval=200ms", "bcs.events.consumer.initial-backoff=100ms",
				"bcs.events.consumer.max-backoff=500ms" })
public @interface TrackerServiceTest {

}
