package org.biochemsec2030.content.micro;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.biochemsec2030.content.support.Status;

record MicroPost(UUID id, String text, String html, List<String> topics, List<String> tags, UUID replyTo, Status status,
		Instant scheduledAt, Instant publishedAt, String announces, Instant updatedAt, Instant createdAt,
		String createdBy) {

	String url() {
		return "/micro/" + this.id;
	}

	MicroPost with(Status status, Instant scheduledAt, Instant publishedAt, Instant now) {
		return new MicroPost(this.id, this.text, this.html, this.topics, this.tags, this.replyTo, status, scheduledAt,
				publishedAt, this.announces, now, this.createdAt, this.createdBy);
	}

}
