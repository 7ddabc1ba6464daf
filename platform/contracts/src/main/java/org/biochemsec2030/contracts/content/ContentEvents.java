package org.biochemsec2030.contracts.content;

import java.util.List;

import org.biochemsec2030.contracts.EventType;

/** The events the content-service publishes on {@code bcs.content}. */
public final class ContentEvents {

	public static final String TOPIC = "bcs.content";

	public static final List<EventType> ALL = List.of(new EventType(PostPublished.TYPE, PostPublished.class, true),
			new EventType(PostUpdated.TYPE, PostUpdated.class, true),
			new EventType(PostUnpublished.TYPE, PostUnpublished.class, true),
			new EventType(MicroPostPublished.TYPE, MicroPostPublished.class, true),
			new EventType(MicroPostUpdated.TYPE, MicroPostUpdated.class, true),
			new EventType(MicroPostUnpublished.TYPE, MicroPostUnpublished.class, true));

	private ContentEvents() {
	}

}
