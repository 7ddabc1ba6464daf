package org.biochemsec2030.contracts.publishing;

import java.util.List;

import org.biochemsec2030.contracts.EventType;

/** The events the publishing-service publishes on {@code bcs.publishing}. */
public final class PublishingEvents {

	public static final String TOPIC = "bcs.publishing";

	public static final List<EventType> ALL = List.of(new EventType(PaperPublished.TYPE, PaperPublished.class, true));

	private PublishingEvents() {
	}

}
