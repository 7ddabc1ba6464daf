package org.biochemsec2030.platform.events;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event plumbing of a service: outbox and relay (producers), subscriptions with inbox
 * and dead letters (consumers), and the topics the app declares. Needs the service's
 * database (tables {@code event_outbox} and {@code event_inbox}, see docs/events.md) and
 * Kafka.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration" })
@ConditionalOnBean({ JdbcTemplate.class, PlatformTransactionManager.class, KafkaProperties.class })
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

	@Bean
	KafkaTemplate<String, byte[]> eventsKafkaTemplate(KafkaProperties kafka, EventsProperties events) {
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		// Idempotent, fully acknowledged sends keep one partition's order through
		// retries;
		// the timeouts bound how long a relay round waits for an absent broker.
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		int timeout = (int) events.relay().sendTimeout().toMillis();
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeout, 30_000));
		config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (long) timeout);
		var factory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
		return new KafkaTemplate<>(factory);
	}

	@Bean
	ConsumerFactory<String, byte[]> eventsConsumerFactory(KafkaProperties kafka) {
		Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
		// A new consumer group reads what the topic still holds; offsets are committed by
		// the container after each handled record.
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		return new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer());
	}

	@Bean
	TransactionTemplate eventsTransactionTemplate(PlatformTransactionManager transactionManager) {
		return new TransactionTemplate(transactionManager);
	}

	@Bean
	@ConditionalOnProperty(name = "bcs.events.relay.enabled", matchIfMissing = true)
	OutboxRelay outboxRelay(JdbcTemplate jdbc, TransactionTemplate eventsTransactionTemplate,
			KafkaTemplate<String, byte[]> eventsKafkaTemplate, EventsProperties events, Environment environment) {
		return new OutboxRelay(jdbc, eventsTransactionTemplate, eventsKafkaTemplate, source(events, environment),
				events.relay());
	}

	@Bean
	Outbox outbox(JdbcTemplate jdbc, JsonMapper json, ObjectProvider<TraceContext> traceContext,
			ObjectProvider<OutboxRelay> relay) {
		OutboxRelay local = relay.getIfAvailable();
		return new Outbox(jdbc, json, traceContext.getIfAvailable(() -> TraceContext.NONE),
				(local != null) ? local::wakeUp : () -> {
				});
	}

	@Bean
	Announcer announcer(Outbox outbox, JsonMapper json, ObjectProvider<Clock> clock) {
		return new Announcer(outbox, json, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	EventConsumers eventConsumers(ObjectProvider<EventSubscription> subscriptions,
			ObjectProvider<TraceContext> traceContext, ConsumerFactory<String, byte[]> eventsConsumerFactory,
			KafkaTemplate<String, byte[]> eventsKafkaTemplate, KafkaAdmin admin,
			TransactionTemplate eventsTransactionTemplate, JdbcTemplate jdbc, EventsProperties events) {
		return new EventConsumers(subscriptions.orderedStream().toList(), eventsConsumerFactory, eventsKafkaTemplate,
				admin, eventsTransactionTemplate, new Inbox(jdbc), events.consumer(),
				traceContext.getIfAvailable(() -> TraceContext.NONE));
	}

	@Bean
	DeadLetters deadLetters(ConsumerFactory<String, byte[]> eventsConsumerFactory,
			KafkaTemplate<String, byte[]> eventsKafkaTemplate) {
		return new DeadLetters(eventsConsumerFactory, eventsKafkaTemplate);
	}

	/** Created by Boot's KafkaAdmin at start; an existing topic keeps its partitions. */
	@Bean
	KafkaAdmin.NewTopics eventTopics(EventsProperties events) {
		List<NewTopic> topics = events.topics()
			.stream()
			.map((topic) -> TopicBuilder.name(topic.name())
				.partitions(topic.partitions())
				.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(topic.retention().toMillis()))
				.build())
			.toList();
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

	static URI source(EventsProperties events, Environment environment) {
		if (events.source() != null) {
			return events.source();
		}
		String application = environment.getProperty("spring.application.name");
		if (application == null) {
			throw new IllegalStateException(
					"Set bcs.events.source (or spring.application.name): every event needs a CloudEvents source");
		}
		return URI.create("/" + application);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
	static class MetricsConfiguration {

		/**
		 * With Kafka kept out of readiness, these are how operators see an outage: a
		 * growing backlog and failing relay rounds.
		 */
		@Bean
		MeterBinder eventsMetrics(JdbcTemplate jdbc, ObjectProvider<OutboxRelay> relay) {
			return (registry) -> {
				Gauge.builder("bcs.events.outbox.pending", jdbc, EventsAutoConfiguration::pendingEvents)
					.description("Events written but not yet published")
					.register(registry);
				OutboxRelay local = relay.getIfAvailable();
				if (local != null) {
					FunctionCounter.builder("bcs.events.relay.failed.rounds", local, OutboxRelay::failedRounds)
						.description("Relay rounds that could not publish (broker away, timeouts)")
						.register(registry);
				}
			};
		}

	}

	static double pendingEvents(JdbcTemplate jdbc) {
		try {
			Long pending = jdbc.queryForObject("select count(*) from event_outbox where published_at is null",
					Long.class);
			return (pending != null) ? pending : Double.NaN;
		}
		catch (RuntimeException ex) {
			// The database being away is reported by its own health indicator.
			return Double.NaN;
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.tracing.Tracer")
	static class TracingConfiguration {

		/** Decided when the beans exist rather than by condition: tracing is optional. */
		@Bean
		@ConditionalOnMissingBean(TraceContext.class)
		TraceContext micrometerTraceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
			Tracer currentTracer = tracer.getIfUnique();
			Propagator currentPropagator = propagator.getIfUnique();
			return (currentTracer != null && currentPropagator != null)
					? new MicrometerTraceContext(currentTracer, currentPropagator) : TraceContext.NONE;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	static class DeadLettersEndpointConfiguration {

		@Bean
		@ConditionalOnAvailableEndpoint
		DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters, EventConsumers consumers) {
			return new DeadLettersEndpoint(deadLetters, consumers.subscriptions());
		}

	}

}
