package org.biochemsec2030.gateway.identity;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.security.web.server.header.CacheControlServerHttpHeadersWriter;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentSecurityPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.CrossOriginOpenerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.CrossOriginOpenerPolicyServerHttpHeadersWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.server.header.PermissionsPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.header.StrictTransportSecurityServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.header.XXssProtectionServerHttpHeadersWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The security headers of every answer that leaves the gateway: its own pages, proxied
 * answers, and errors raised before Spring Security's chain runs (a request the firewall
 * refuses, a form too large to buffer). Hence a filter ahead of everything rather than
 * Spring Security's header writing, which only covers what passes through its chain. Each
 * header is written only when the answer has none of that name, so a service that sets
 * its own (a stricter CSP, a cache lifetime) keeps it.
 */
@Component
class SiteHeaders implements WebFilter, Ordered {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self' %s; frame-ancestors 'none'";

	/** No page of the suite uses these browser features; nothing embedded may either. */
	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "serial=(), bluetooth=(), hid=(), midi=(), browsing-topics=()";

	private final ServerHttpHeadersWriter writer;

	SiteHeaders(IdentityProperties identity) {
		var csp = new ContentSecurityPolicyServerHttpHeadersWriter();
		// Sign-in and sign-out forms post to the realm.
		csp.setPolicyDirectives(CONTENT_SECURITY_POLICY.formatted(identity.issuerUri().resolve("/")));
		var referrer = new ReferrerPolicyServerHttpHeadersWriter();
		referrer.setPolicy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN);
		var frames = new XFrameOptionsServerHttpHeadersWriter();
		frames.setMode(Mode.DENY);
		var permissions = new PermissionsPolicyServerHttpHeadersWriter();
		permissions.setPolicy(PERMISSIONS_POLICY);
		// Pages of the site open no windows of other sites that would need a handle
		// back; sign-in is a top-level navigation, which the policy does not affect.
		var opener = new CrossOriginOpenerPolicyServerHttpHeadersWriter();
		opener.setPolicy(CrossOriginOpenerPolicy.SAME_ORIGIN);
		this.writer = new CompositeServerHttpHeadersWriter(new ContentTypeOptionsServerHttpHeadersWriter(),
				new StrictTransportSecurityServerHttpHeadersWriter(), frames,
				new XXssProtectionServerHttpHeadersWriter(), new CacheControlServerHttpHeadersWriter(), csp, referrer,
				permissions, opener);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> this.writer.writeHttpHeaders(exchange));
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
