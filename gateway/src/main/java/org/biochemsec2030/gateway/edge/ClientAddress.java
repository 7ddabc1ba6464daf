package org.biochemsec2030.gateway.edge;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * The gateway is the suite's edge, so {@code Forwarded} and {@code X-Forwarded-*} headers
 * arriving at it are a client's own claims: another address (to escape its rate limits),
 * another host or scheme. The framework's transformer (the shared default of every app,
 * right for the services, which only the gateway reaches) took them as the request's own
 * and passed them on. Here they are removed before anything reads them, and the gateway
 * then tells the services what it saw itself (Spring Cloud Gateway's X-Forwarded-*
 * headers). Only when {@code trustedProxies} of our own proxies stand in front of the
 * gateway, each appending the address it saw to {@code X-Forwarded-For}, is the entry
 * that many from the right taken as the client's address; entries further left are
 * anyone's.
 */
public class ClientAddress extends ForwardedHeaderTransformer {

	private final int trustedProxies;

	public ClientAddress(int trustedProxies) {
		this.trustedProxies = trustedProxies;
		setRemoveOnly(true);
	}

	@Override
	public ServerHttpRequest apply(ServerHttpRequest request) {
		InetSocketAddress client = (this.trustedProxies > 0) ? behindProxies(request) : null;
		ServerHttpRequest stripped = super.apply(request);
		return (client != null) ? stripped.mutate().remoteAddress(client).build() : stripped;
	}

	private InetSocketAddress behindProxies(ServerHttpRequest request) {
		List<String> hops = new ArrayList<>();
		for (String header : request.getHeaders().getOrEmpty("X-Forwarded-For")) {
			for (String hop : header.split(",")) {
				if (!hop.isBlank()) {
					hops.add(hop.strip());
				}
			}
		}
		if (hops.isEmpty()) {
			return null;
		}
		String client = hops.get(Math.max(0, hops.size() - this.trustedProxies));
		return InetSocketAddress.createUnresolved(client, 0);
	}

}
