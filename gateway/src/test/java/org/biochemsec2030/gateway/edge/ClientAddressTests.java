package org.biochemsec2030.gateway.edge;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTests {

	private static final InetSocketAddress CONNECTION = new InetSocketAddress("192.0.2.10", 40000);

	private static ServerHttpRequest request(String... forwardedFor) {
		return MockServerHttpRequest.get("/search")
			.remoteAddress(CONNECTION)
			.header("X-Forwarded-For", forwardedFor)
			.header("X-Forwarded-Host", "elsewhere.example")
			.build();
	}

	@Test
	void ignoresAndRemovesWhatAClientClaimsWithoutTrustedProxies() {
		ServerHttpRequest seen = new ClientAddress(0).apply(request("203.0.113.7"));

		assertThat(seen.getRemoteAddress()).isEqualTo(CONNECTION);
		assertThat(seen.getHeaders().containsHeader("X-Forwarded-For")).isFalse();
		assertThat(seen.getHeaders().containsHeader("X-Forwarded-Host")).isFalse();
		assertThat(seen.getURI().getHost()).isNotEqualTo("elsewhere.example");
	}

	@Test
	void takesTheEntryAddedByTheOutermostTrustedProxy() {
		ServerHttpRequest seen = new ClientAddress(1).apply(request("203.0.113.7, 198.51.100.4"));

		assertThat(seen.getRemoteAddress().getHostString()).isEqualTo("198.51.100.4");
		assertThat(seen.getHeaders().containsHeader("X-Forwarded-For")).isFalse();
	}

	@Test
	void readsEntriesAcrossRepeatedHeaders() {
		ServerHttpRequest seen = new ClientAddress(2).apply(request("203.0.113.7", "198.51.100.4", "10.0.0.2"));

		assertThat(seen.getRemoteAddress().getHostString()).isEqualTo("198.51.100.4");
	}

	@Test
	void keepsTheConnectionsAddressWhenNoProxyAddedAnything() {
		assertThat(new ClientAddress(1).apply(MockServerHttpRequest.get("/").remoteAddress(CONNECTION).build())
			.getRemoteAddress()).isEqualTo(CONNECTION);
	}

}
