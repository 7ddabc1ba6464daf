package org.biochemsec2030.publishing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.biochemsec2030.platform.test.RealEngines;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one configuration of this module's integration tests, so that every test class
 * shares one started application on real PostgreSQL, Kafka, Elasticsearch and Keycloak.
 * The scheduler is off: tests publish due papers by calling the service.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RealEngines
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bcs.test.identity=true", "bcs.publishing.scheduler.enabled=false",
				"bcs.publishing.public-url=https://biochemsec2030.example", "bcs.events.relay.poll-interval=200ms" })
public @interface PublishingServiceTest {

}
