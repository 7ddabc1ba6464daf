package org.biochemsec2030.network.digest;

import java.time.Instant;
import java.util.List;

/** A member's digest as they see it: the topics (taxonomy slugs) and how often. */
public record DigestView(List<String> topics, String frequency, Instant subscribedAt, Instant lastSentAt) {

}
