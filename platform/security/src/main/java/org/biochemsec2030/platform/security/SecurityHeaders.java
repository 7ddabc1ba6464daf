package org.biochemsec2030.platform.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The suite's security headers. The Content Security Policy: every script, style, font
 * and image comes from the site itself (no CDN, no inline code), pages cannot be framed,
 * forms post only to the site. The Permissions Policy turns off the device features no
 * page of the suite uses, so that injected content could not ask for them either; the
 * opener policy keeps a window opened from another site from reaching into ours. The
 * gateway sends the same policies for the pages it serves.
 */
public final class SecurityHeaders {

	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	public static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
			+ "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

	public static final String CROSS_ORIGIN_OPENER_POLICY = "same-origin";

	public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

	private SecurityHeaders() {
	}

	/**
	 * Every header by name, for answers written outside Spring Security's filters (the
	 * server's own error reports).
	 */
	public static Map<String, String> all() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		headers.put("Permissions-Policy", PERMISSIONS_POLICY);
		headers.put("Cross-Origin-Opener-Policy", CROSS_ORIGIN_OPENER_POLICY);
		headers.put("Referrer-Policy", REFERRER_POLICY);
		headers.put("X-Content-Type-Options", "nosniff");
		headers.put("X-Frame-Options", "DENY");
		headers.put("Cache-Control", "no-store");
		return headers;
	}

}
