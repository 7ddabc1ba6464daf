package org.biochemsec2030.publishing.support;

/** Who may write papers and treaty meetings: the publishing staff role and admins. */
public final class Publishers {

	public static final String ONLY = "hasAnyRole('publisher','admin')";

	private Publishers() {
	}

}
