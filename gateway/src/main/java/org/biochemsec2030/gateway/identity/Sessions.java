package org.biochemsec2030.gateway.identity;

/** Names shared by the session, CSRF and relay pieces. */
public final class Sessions {

	/**
	 * Spring Session's cookie (see server.reactive.session.cookie in application.yml).
	 */
	public static final String COOKIE = "SESSION";

	/**
	 * The header that hands a signed-in user's CSRF token to the service rendering a
	 * page, so its forms can post back through the gateway. Set only by the gateway: a
	 * value sent by a client is removed.
	 */
	static final String CSRF_HEADER = "X-BCS-CSRF-Token";

	private Sessions() {
	}

}
