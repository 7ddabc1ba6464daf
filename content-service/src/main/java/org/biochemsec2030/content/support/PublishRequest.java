package org.biochemsec2030.content.support;

import java.time.OffsetDateTime;

/**
 * When to publish: absent or null {@code at} publishes now; a future time (with its
 * offset, e.g. {@code 2030-05-04T09:00:00+01:00}) schedules.
 */
public record PublishRequest(OffsetDateTime at) {

}
