package org.biochemsec2030.platform.events;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/** Trace context through the app's Micrometer tracer and its (W3C) propagator. */
class MicrometerTraceContext implements TraceContext {

	private static final String TRACEPARENT = "traceparent";

	private final Tracer tracer;

	private final Propagator propagator;

	MicrometerTraceContext(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	@Override
	public String traceparent() {
		Span span = this.tracer.currentSpan();
		if (span == null) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>();
		this.propagator.inject(span.context(), carrier, Map::put);
		return carrier.get(TRACEPARENT);
	}

	@Override
	public void continueTrace(String traceparent, String name, Runnable work) {
		Span.Builder builder = (traceparent != null)
				? this.propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get) : this.tracer.spanBuilder();
		Span span = builder.name(name).kind(Span.Kind.CONSUMER).start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			work.run();
		}
		catch (RuntimeException ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

}
