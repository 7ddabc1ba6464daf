package org.biochemsec2030.gateway.edge;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/** In place of Boot's forwarded-header transformer (see {@link ClientAddress}). */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

	@Bean
	ForwardedHeaderTransformer forwardedHeaderTransformer(@Value("${bcs.trusted-proxies:0}") int trustedProxies) {
		return new ClientAddress(trustedProxies);
	}

}
