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
 * The scheduler and the reviewer reminders are off: tests publish due papers and send
 * reminders by calling the service; mail goes to the mail catcher.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RealEngines
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bcs.test.identity=true", "bcs.test.mail=true", "bcs.publishing.scheduler.enabled=false",
				"bcs.publishing.reminders.enabled=false", "bcs.publishing.public-url=https://biochemsec2030.example",
				"bcs.events.relay.poll-interval=200ms" })
public @interface PublishingServiceTest {

}
