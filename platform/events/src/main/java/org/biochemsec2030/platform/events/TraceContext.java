package org.biochemsec2030.platform.events;

/**
 * W3C trace context across the event: the producer side records the {@code traceparent}
 * of the work that writes an event (the relay sends it as the CloudEvents
 * distributed-tracing extension and as the plain {@code traceparent} header), the
 * consumer side continues that trace while it handles the event, so one trace spans
 * request → producer → consumer. Apps with Micrometer Tracing get
 * {@link MicrometerTraceContext}; without a tracer, events carry no trace context.
 */
public interface TraceContext {

	TraceContext NONE = () -> null;

	/** The current traceparent header value, or null when no trace is active. */
	String traceparent();

	/**
	 * Runs a consumer's handling of an event in a span continuing the producer's trace.
	 */
	default void continueTrace(String traceparent, String name, Runnable work) {
		work.run();
	}

}
