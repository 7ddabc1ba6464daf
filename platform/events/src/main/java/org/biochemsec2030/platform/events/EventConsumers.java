package org.biochemsec2030.platform.events;

import java.util.ArrayList;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Runs one listener container per {@link EventSubscription}: each delivery is read as a
 * CloudEvent, handled once (inbox row and effect in one transaction), retried with
 * exponential backoff when the handler fails, and then published to the group's
 * dead-letter topic with the reason in {@code kafka_dlt-exception-*} headers, after which
 * the consumer goes on with the next record. A failure because an engine is away
 * ({@link EngineOutage}) is not the event's fault: that delivery is repeated until the
 * engine is back, never dead-lettered.
 */
public class EventConsumers implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(EventConsumers.class);

	private final List<EventSubscription> subscriptions;

	private final ConsumerFactory<String, byte[]> consumers;

	private final KafkaTemplate<String, byte[]> kafka;

	private final KafkaAdmin admin;

	private final TransactionTemplate transactions;

	private final Inbox inbox;

	private final EventsProperties.Consumer settings;

	private final TraceContext traceContext;

	private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();

	private volatile boolean running;

	EventConsumers(List<EventSubscription> subscriptions, ConsumerFactory<String, byte[]> consumers,
			KafkaTemplate<String, byte[]> kafka, KafkaAdmin admin, TransactionTemplate transactions, Inbox inbox,
			EventsProperties.Consumer settings, TraceContext traceContext) {
		this.subscriptions = subscriptions;
		this.consumers = consumers;
		this.kafka = kafka;
		this.admin = admin;
		this.transactions = transactions;
		this.inbox = inbox;
		this.settings = settings;
		this.traceContext = traceContext;
	}

	public List<EventSubscription> subscriptions() {
		return this.subscriptions;
	}

	@Override
	public void start() {
		if (this.subscriptions.isEmpty()) {
			this.running = true;
			return;
		}
		// Dead-letter topics exist before the first failure: operators can see them (and
		// alert on them) from the start. Long retention: someone must look at them. A
		// broker that is away at start must not stop the app (the DLT is then created on
		// first use).
		try {
			this.admin.createOrModifyTopics(this.subscriptions.stream()
				.map((s) -> TopicBuilder.name(s.deadLetterTopic())
					.partitions(1)
					.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(90L * 24 * 3600 * 1000))
					.build())
				.toArray(NewTopic[]::new));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not create the dead-letter topics now: " + ex.getMessage());
		}
		for (EventSubscription subscription : this.subscriptions) {
			ContainerProperties properties = new ContainerProperties(subscription.topic());
			properties.setGroupId(subscription.group());
			properties.setMessageListener((MessageListener<String, byte[]>) (record) -> deliver(subscription, record));
			var container = new ConcurrentMessageListenerContainer<>(this.consumers, properties);
			container.setConcurrency(subscription.concurrency());
			container.setBeanName("events-" + subscription.group() + "-" + subscription.topic());
			container.setCommonErrorHandler(errorHandler(subscription));
			container.start();
			this.containers.add(container);
		}
		this.running = true;
	}

	private DefaultErrorHandler errorHandler(EventSubscription subscription) {
		var deadLetters = new DeadLetterPublishingRecoverer(this.kafka,
				(record, ex) -> new TopicPartition(subscription.deadLetterTopic(), -1));
		var backOff = new ExponentialBackOffWithMaxRetries(this.settings.attempts() - 1);
		backOff.setInitialInterval(this.settings.initialBackoff().toMillis());
		backOff.setMultiplier(this.settings.multiplier());
		backOff.setMaxInterval(this.settings.maxBackoff().toMillis());
		var handler = new DefaultErrorHandler(deadLetters, backOff);
		handler.addNotRetryableExceptions(NotACloudEventException.class);
		// No limit on attempts or time: the wait grows to outage-backoff and stays there.
		var untilBack = new ExponentialBackOff(this.settings.initialBackoff().toMillis(), this.settings.multiplier());
		untilBack.setMaxInterval(this.settings.outageBackoff().toMillis());
		handler.setBackOffFunction((record, ex) -> {
			if (EngineOutage.causedBy(ex)) {
				logger.warn(
						"Handler of " + subscription.group() + " waits for an engine that is away: " + ex.getMessage());
				return untilBack;
			}
			return null;
		});
		return handler;
	}

	void deliver(EventSubscription subscription, ConsumerRecord<String, byte[]> record) {
		CloudEvent event;
		try {
			event = KafkaMessageFactory.createReader(record).toEvent();
		}
		catch (CloudEventRWException | IllegalStateException ex) {
			throw new NotACloudEventException("Record " + record.topic() + "-" + record.partition() + "@"
					+ record.offset() + " is not a CloudEvent: " + ex.getMessage(), ex);
		}
		ReceivedEvent received = ReceivedEvent.of(event);
		this.traceContext.continueTrace(received.traceparent(), "handle " + received.type(),
				() -> handleOnce(subscription, received));
	}

	private void handleOnce(EventSubscription subscription, ReceivedEvent received) {
		this.transactions.executeWithoutResult((status) -> {
			if (this.inbox.firstDelivery(subscription.group(), received.id())) {
				try {
					subscription.handler().handle(received);
					// Logged inside the continued trace, so the line carries the
					// producer's
					// trace id: one trace from the request that caused the event to its
					// effect.
					if (logger.isDebugEnabled()) {
						logger
							.debug("Handled " + received.type() + " " + received.id() + " for " + subscription.group());
					}
				}
				catch (RuntimeException ex) {
					throw ex;
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex.getMessage(), ex);
				}
			}
		});
	}

	@Override
	public void stop() {
		this.containers.forEach(ConcurrentMessageListenerContainer::stop);
		this.containers.clear();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
