package org.biochemsec2030.content.support;

/**
 * Who may write content: the content staff role and admins (checked in every service).
 */
public final class Editors {

	public static final String ONLY = "hasAnyRole('editor','admin')";

	public static final String ADMINS = "hasRole('admin')";

	private Editors() {
	}

}
