package org.biochemsec2030.tracker.item;

import java.util.List;

/**
 * What triage rules read of an item.
 *
 * @param sources names and addresses of the sources that reported it
 */
public record ItemText(String title, String summary, List<String> sources) {
}
