package org.biochemsec2030.network;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.biochemsec2030.platform.test.RealEngines;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one configuration of this module's integration tests, so that every test class
 * shares one started application: real PostgreSQL, Kafka, Elasticsearch, Keycloak and the
 * mail catcher. The jobs run often here so that tests wait little for them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RealEngines
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bcs.test.identity=true", "bcs.test.mail=true",
				"bcs.network.accounts.client-secret=network-secret-for-tests",
				"bcs.network.accounts.retry-interval=300ms", "bcs.network.accounts.timeout=3s",
				"bcs.network.mail.relay-interval=200ms", "bcs.network.public-url=https://biochemsec2030.example",
				"bcs.events.relay.poll-interval=200ms" })
public @interface NetworkServiceTest {

}
