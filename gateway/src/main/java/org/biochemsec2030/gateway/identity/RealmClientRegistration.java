package org.biochemsec2030.gateway.identity;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The realm as an OIDC provider, with every endpoint spelled out instead of discovered:
 * browsers reach Keycloak at one address (the issuer, e.g. localhost:8180) and the
 * gateway at another (keycloak:8180 inside compose). Discovery from either address would
 * give the other half the wrong endpoints, and it would make the gateway's start wait for
 * Keycloak.
 */
@Configuration(proxyBeanMethods = false)
class RealmClientRegistration {

	static final String REGISTRATION_ID = "keycloak";

	@Bean
	ReactiveClientRegistrationRepository clientRegistrations(IdentityProperties identity) {
		String browserFacing = identity.issuerUri() + "/protocol/openid-connect";
		String backchannel = identity.realmForGateway() + "/protocol/openid-connect";
		ClientRegistration realm = ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientName("BioChemSec 2030")
			.clientId(identity.clientId())
			.clientSecret(identity.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(identity.publicUrlWithoutSlash() + "/login/oauth2/code/{registrationId}")
			.scope("openid", "profile", "email")
			.authorizationUri(browserFacing + "/auth")
			.tokenUri(backchannel + "/token")
			.jwkSetUri(backchannel + "/certs")
			// The ID token carries the user name and roles (realm mapper); no user-info
			// call.
			.userNameAttributeName("preferred_username")
			.issuerUri(identity.issuerUri().toString())
			.providerConfigurationMetadata(Map.of("end_session_endpoint", browserFacing + "/logout"))
			.build();
		return new InMemoryReactiveClientRegistrationRepository(realm);
	}

}
