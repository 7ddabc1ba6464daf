package org.biochemsec2030.tracker.development;

/**
 * What analysts write about a development.
 *
 * @param title what it is called, 1 to 300 characters
 * @param summary the analysts' description, plain text of at most 4,000 characters; it
 * may hold technical detail, which a hazard flag keeps internal
 */
public record DevelopmentInput(String title, String summary) {
}
