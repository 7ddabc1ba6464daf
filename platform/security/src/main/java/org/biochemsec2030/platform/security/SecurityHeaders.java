package org.biochemsec2030.platform.security;

/**
 * The suite's Content Security Policy: every script, style, font and image comes from the
 * site itself (no CDN, no inline code), pages cannot be framed, forms post only to the
 * site. The gateway sends the same policy for the pages it serves.
 */
public final class SecurityHeaders {

	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private SecurityHeaders() {
	}

}
