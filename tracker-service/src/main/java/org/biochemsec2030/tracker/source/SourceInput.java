package org.biochemsec2030.tracker.source;

/**
 * A source as an analyst describes it.
 *
 * @param name shown to analysts and readers ("Example Journal")
 * @param url the feed's address, http or https
 * @param pollEveryMinutes how often to poll; null for the default of 60
 */
public record SourceInput(String name, String url, Integer pollEveryMinutes) {
}
