package org.biochemsec2030.tracker.support;

/**
 * Who may use the analysts' API: the tracker's staff role and admins. Every handler names
 * it, since the platform's path rules let any GET through and only require a token for
 * writes.
 */
public final class Analysts {

	public static final String ONLY = "hasAnyRole('analyst','admin')";

	private Analysts() {
	}

}
