package org.biochemsec2030.content.page;

import java.time.Instant;

/** A standing page as readers see it. */
public record PageView(String id, String slug, String title, String url, String html, String body, Integer navOrder,
		Instant updatedAt) {

}
