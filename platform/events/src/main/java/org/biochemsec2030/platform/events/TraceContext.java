package org.biochemsec2030.platform.events;

/**
 * Supplies the W3C {@code traceparent} of the work that writes an event, so the relay can
 * carry it to consumers (CloudEvents distributed-tracing extension). An app with a tracer
 * declares a bean of this type; without one, events carry no trace context.
 */
@FunctionalInterface
public interface TraceContext {

	TraceContext NONE = () -> null;

	/** The current traceparent header value, or null when no trace is active. */
	String traceparent();

}
