package org.biochemsec2030.platform.test;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points an application context at the shared engines: its own database (named by the
 * service's {@code bcs.database} property) in the shared PostgreSQL, the shared Kafka
 * broker and Elasticsearch, and with {@code bcs.test.identity=true} the realm of the
 * shared Keycloak, with {@code bcs.test.mail=true} the mail catcher. Its properties take
 * precedence over application.yml, exactly as environment variables do in production.
 */
public class RealEnginesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		Engines.startAll();
		Map<String, Object> properties = new HashMap<>();
		String database = environment.getProperty("bcs.database");
		if (database != null) {
			properties.put("bcs.db.url", Engines.database(database));
			properties.put("bcs.db.user", database);
			properties.put("bcs.db.password", database);
		}
		properties.put("spring.kafka.bootstrap-servers", Engines.kafka().getBootstrapServers());
		properties.put("bcs.search.uris", Engines.elasticsearchUri());
		// The mail catcher, for the tests that send mail (bcs.test.mail=true).
		if (environment.getProperty("bcs.test.mail", Boolean.class, false)) {
			var mail = Engines.mail();
			properties.put("spring.mail.host", mail.getHost());
			properties.put("spring.mail.port", mail.getMappedPort(3025));
		}
		// Keycloak is the slowest engine to start: only the tests that ask for it get it.
		if (environment.getProperty("bcs.test.identity", Boolean.class, false)) {
			properties.put("bcs.security.issuer-uri", Identity.issuer());
			properties.put("bcs.security.jwk-set-uri", Identity.jwkSetUri());
		}
		environment.getPropertySources().addFirst(new MapPropertySource("bcs-real-engines", properties));
	}

}
