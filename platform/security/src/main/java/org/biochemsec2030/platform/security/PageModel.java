package org.biochemsec2030.platform.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page a service renders needs from identity: the signed-in user's name for
 * the shared header ({@code bcsUser}, from the relayed token) and the CSRF token the
 * gateway handed over ({@code bcsCsrf}), which forms that post back through the gateway
 * carry as {@code _csrf}.
 */
@ControllerAdvice
public class PageModel {

	/** Set by the gateway only; it drops any value a client sends. */
	public static final String CSRF_HEADER = "X-BCS-CSRF-Token";

	@ModelAttribute("bcsUser")
	public String bcsUser() {
		return Actor.current().map(Actor::name).orElse(null);
	}

	@ModelAttribute("bcsCsrf")
	public String bcsCsrf(HttpServletRequest request) {
		return request.getHeader(CSRF_HEADER);
	}

}
