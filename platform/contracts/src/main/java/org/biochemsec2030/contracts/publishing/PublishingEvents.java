package org.biochemsec2030.contracts.publishing;

import java.util.List;

import org.biochemsec2030.contracts.EventType;

/** The events the publishing-service publishes on {@code bcs.publishing}. */
public final class PublishingEvents {

	public static final String TOPIC = "bcs.publishing";

	/**
	 * The catalogue; {@code paper.published} stays first (consumers' tests take it by
	 * position). Submitted and approved are internal; the others are public data.
	 */
	public static final List<EventType> ALL = List.of(new EventType(PaperPublished.TYPE, PaperPublished.class, true),
			new EventType(PaperSubmitted.TYPE, PaperSubmitted.class, false),
			new EventType(PaperApproved.TYPE, PaperApproved.class, false),
			new EventType(PaperWithdrawn.TYPE, PaperWithdrawn.class, true),
			new EventType(PaperVersionPublished.TYPE, PaperVersionPublished.class, true));

	private PublishingEvents() {
	}

}
