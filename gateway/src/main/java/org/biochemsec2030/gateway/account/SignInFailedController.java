package org.biochemsec2030.gateway.account;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a sign-in that did not complete lands ({@code /login?error}, Spring Security's
 * failure address): the callback from the realm came back with an error, a state that
 * matches no sign-in this browser started (another tab, a bookmark of the callback, a
 * session lost on the way), or a code the realm no longer honours. The page says so and
 * offers a fresh start; without {@code error}, {@code /login} simply starts sign-in.
 */
@Controller
class SignInFailedController {

	static final String SIGN_IN = "/oauth2/authorization/keycloak";

	@GetMapping("/login")
	String login(ServerWebExchange exchange) {
		// Present without a value (?error), which a bound String parameter reads as none.
		return exchange.getRequest().getQueryParams().containsKey("error") ? "sign-in-failed" : "redirect:" + SIGN_IN;
	}

}
