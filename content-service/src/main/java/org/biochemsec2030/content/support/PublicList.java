package org.biochemsec2030.content.support;

import java.util.List;

/**
 * The suite's "public list" shape, read by the home page and any other client:
 * {@code {"items": [...], "page": 0, "size": 5, "total": N}}.
 */
public record PublicList<T>(List<T> items, int page, int size, long total) {

}
