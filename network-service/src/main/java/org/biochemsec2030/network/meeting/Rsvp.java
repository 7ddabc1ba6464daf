package org.biochemsec2030.network.meeting;

/**
 * One member's answer to a meeting, as they see it.
 *
 * @param status {@code attending}, {@code waiting} or {@code cancelled}
 * @param waitingPosition their place on the waiting list (1 is next), or 0
 */
public record Rsvp(String status, int waitingPosition) {

}
