package org.biochemsec2030.gateway.account;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;

/** The signed-in user's own page: who they are, their roles, and sign-out. */
@Controller
class AccountController {

	@GetMapping("/account")
	String account(@AuthenticationPrincipal OidcUser user, Model model, ServerWebExchange exchange) {
		model.addAttribute("account", AccountView.of(user));
		// The sign-out form posts with the session's CSRF token.
		Mono<CsrfToken> csrf = exchange.getAttribute(CsrfToken.class.getName());
		model.addAttribute("_csrf", csrf != null ? csrf : Mono.empty());
		return "account";
	}

	/** What the account page shows; roles are the realm's, sorted. */
	record AccountView(String userName, String fullName, String email, List<String> roles) {

		static AccountView of(OidcUser user) {
			List<String> roles = user.getClaimAsStringList("roles");
			return new AccountView(user.getPreferredUsername(), user.getFullName(), user.getEmail(),
					roles == null ? List.of() : roles.stream().sorted().toList());
		}

	}

}
