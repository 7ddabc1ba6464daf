package org.biochemsec2030.platform.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * 401 and 403 as RFC 9457 problem details, keeping the {@code WWW-Authenticate} header
 * that tells a client why its token was refused (expired, bad signature...).
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge(exception));
		write(request, response, 401, "Sign-in required",
				"This needs a valid access token from the BioChemSec realm: sign in, or send a fresh bearer token.");
	}

	/**
	 * A bearer token that could not be checked at all (the realm's keys could not be
	 * fetched) is the identity provider's outage, not the client's fault: 503, and the
	 * client may try again.
	 */
	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (exception instanceof AuthenticationServiceException) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			write(request, response, 503, "Sign-in service unavailable",
					"Your token could not be checked because the sign-in service does not answer. Try again shortly.");
			return;
		}
		commence(request, response, exception);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
		write(request, response, 403, "Not allowed",
				"You are signed in, but your account does not have the role this needs. Ask an administrator.");
	}

	/**
	 * The RFC 6750 challenge, saying why a token was refused. Spring Security's own entry
	 * point also adds {@code resource_metadata} with an address built from the request,
	 * which behind the gateway is the service's internal host name: that never leaves the
	 * suite, and the metadata document is not published.
	 */
	static String challenge(AuthenticationException exception) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (exception instanceof OAuth2AuthenticationException oauth
				&& oauth.getError() instanceof BearerTokenError error) {
			parameters.put("error", error.getErrorCode());
			if (error.getDescription() != null) {
				parameters.put("error_description", error.getDescription());
			}
			if (error.getUri() != null) {
				parameters.put("error_uri", error.getUri());
			}
			if (error.getScope() != null) {
				parameters.put("scope", error.getScope());
			}
		}
		StringBuilder challenge = new StringBuilder("Bearer");
		parameters.forEach((name, value) -> challenge.append(challenge.length() > 6 ? ", " : " ")
			.append(name)
			.append("=\"")
			.append(value.replace("\\", "\\\\").replace("\"", "\\\""))
			.append('"'));
		return challenge.toString();
	}

	/**
	 * The problem, or for a browser asking for a page the site's error page with the same
	 * words (rendered by the error controller).
	 */
	private static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
			String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
		problem.setTitle(title);
		if (Problems.wantsPage(request)) {
			request.setAttribute(Problems.ATTRIBUTE, problem);
			response.sendError(status);
			return;
		}
		Problems.write(request, response, problem);
	}

}
