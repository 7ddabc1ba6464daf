package org.biochemsec2030.platform.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import tools.jackson.databind.json.JsonMapper;

/** A CloudEvent as a consumer sees it: its attributes and its JSON data. */
public record ReceivedEvent(String id, String type, URI source, String subject, OffsetDateTime time, String data,
		String traceparent) {

	static ReceivedEvent of(CloudEvent event) {
		CloudEventData data = event.getData();
		Object traceparent = event.getExtension("traceparent");
		return new ReceivedEvent(event.getId(), event.getType(), event.getSource(), event.getSubject(), event.getTime(),
				(data != null) ? new String(data.toBytes(), StandardCharsets.UTF_8) : null,
				(traceparent != null) ? traceparent.toString() : null);
	}

	/** The data as a contract record (or any type that reads that JSON). */
	public <T> T data(JsonMapper json, Class<T> type) {
		return json.readValue(this.data, type);
	}

}
