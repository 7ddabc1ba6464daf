package org.biochemsec2030.gateway.edge;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * The edge: in place of Boot's forwarded-header transformer (see {@link ClientAddress}),
 * and undecodable requests answered in the suite's error shape (see
 * {@link MalformedRequests}).
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

	@Bean
	ForwardedHeaderTransformer forwardedHeaderTransformer(@Value("${bcs.trusted-proxies:0}") int trustedProxies) {
		return new ClientAddress(trustedProxies);
	}

	@Bean
	MalformedRequests malformedRequests() {
		return new MalformedRequests();
	}

	@Bean
	NettyServerCustomizer malformedRequestsInNetty(MalformedRequests malformedRequests) {
		return malformedRequests.nettyCustomizer();
	}

}
