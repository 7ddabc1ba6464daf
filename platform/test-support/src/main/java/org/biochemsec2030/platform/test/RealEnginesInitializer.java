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
 * broker and Elasticsearch. Its properties take precedence over application.yml, exactly
 * as environment variables do in production.
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
		environment.getPropertySources().addFirst(new MapPropertySource("bcs-real-engines", properties));
	}

}
