package org.biochemsec2030.platform.search;

import java.time.Duration;
import java.util.List;

/**
 * What a rebuild did.
 *
 * @param alias the index family's alias, e.g. {@code bcs-content}
 * @param index the new versioned index now behind the alias
 * @param replaced the indices that were behind the alias before and are now deleted
 * @param documents how many documents the source gave
 * @param took how long the whole rebuild took
 */
public record RebuildReport(String alias, String index, List<String> replaced, long documents, Duration took) {
}
