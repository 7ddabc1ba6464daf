package org.biochemsec2030.gateway.account;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every page the gateway renders knows whether someone is signed in: the shared header
 * shows "Sign in" or the user's name (model attribute {@code bcsUser}).
 */
@ControllerAdvice
class SignedInUser {

	@ModelAttribute("bcsUser")
	Mono<String> bcsUser(ServerWebExchange exchange) {
		return exchange.getPrincipal()
			.filter(OAuth2AuthenticationToken.class::isInstance)
			.map(principal -> ((OAuth2AuthenticationToken) principal).getPrincipal())
			.filter(OidcUser.class::isInstance)
			.map(user -> ((OidcUser) user).getPreferredUsername());
	}

}
