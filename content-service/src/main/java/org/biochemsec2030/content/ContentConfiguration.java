package org.biochemsec2030.content;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.biochemsec2030.content.support.ContentProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ContentProperties.class)
class ContentConfiguration {

	/**
	 * The API's one server is the site's public address: clients reach /api/content
	 * through the gateway. Left to itself, the OpenAPI document names the address the
	 * request arrived at, which behind the gateway is this service's internal host name.
	 */
	@Bean
	OpenAPI contentApi(ContentProperties properties) {
		String base = properties.publicUrl().toString().replaceAll("/+$", "");
		return new OpenAPI()
			.info(new Info().title("BioChemSec 2030 content API")
				.version("v1")
				.description("Blog posts, mini-posts and standing pages: public reads, editorial writes."))
			.servers(List.of(new Server().url(base).description("The site")));
	}

}
