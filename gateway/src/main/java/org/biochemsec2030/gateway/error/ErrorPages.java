package org.biochemsec2030.gateway.error;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webflux.error.ErrorAttributes;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.reactive.result.view.ViewResolver;

/**
 * The gateway's one error handler, in place of Boot's, and the firewall's refusals turned
 * into errors it renders (by default the firewall answers a bare 400 with no body).
 */
@Configuration(proxyBeanMethods = false)
class ErrorPages {

	@Bean
	@Order(-2)
	ErrorWebExceptionHandler errorWebExceptionHandler(ErrorAttributes errorAttributes, WebProperties web,
			ObjectProvider<ViewResolver> viewResolvers, ServerCodecConfigurer codecs, ApplicationContext context,
			JsonMapper json) {
		SiteErrorHandler handler = new SiteErrorHandler(errorAttributes, web, context, json);
		handler.setViewResolvers(viewResolvers.orderedStream().toList());
		handler.setMessageWriters(codecs.getWriters());
		handler.setMessageReaders(codecs.getReaders());
		return handler;
	}

	/**
	 * Spring Security's StrictServerWebExchangeFirewall refuses addresses and headers
	 * that different parts of a stack could read differently (encoded slashes, path
	 * parameters, {@code ..}, control characters, unusual methods).
	 */
	@Bean
	ServerExchangeRejectedHandler firewallRefusal() {
		return (exchange, rejected) -> Mono.error(new Refusal(HttpStatus.BAD_REQUEST, "Request not accepted",
				"The address or a header of this request contains characters or parts the site does not accept "
						+ "(such as encoded slashes, \"..\" or control characters). Check the address and try again."));
	}

}
