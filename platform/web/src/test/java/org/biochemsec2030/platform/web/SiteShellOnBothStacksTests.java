package org.biochemsec2030.platform.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an app gets by adding this module and Thymeleaf, on the services' stack (WebMVC)
 * and on the gateway's (WebFlux): the assets at /assets/** and error pages in the site's
 * look for browsers, while other clients keep a machine-readable error.
 */
class SiteShellOnBothStacksTests {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void servesTheAssetsAndTheErrorPages(WebApplicationType stack) throws Exception {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MinimalApp.class).web(stack)
			.run("--server.port=0", "--spring.main.banner-mode=off")) {
			String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();

			HttpResponse<String> css = get(base + "/assets/bcs.css", "text/css,*/*");
			assertThat(css.statusCode()).isEqualTo(200);
			assertThat(css.headers().firstValue("Content-Type"))
				.hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
			assertThat(css.headers().firstValue("Cache-Control")).contains("max-age=3600, public");
			assertThat(css.body()).contains(".site-header");

			HttpResponse<String> icon = get(base + "/assets/favicon.svg", "image/*");
			assertThat(icon.statusCode()).isEqualTo(200);
			assertThat(icon.headers().firstValue("Content-Type")).contains("image/svg+xml");

			HttpResponse<String> missing = get(base + "/no/such/page", "text/html,application/xhtml+xml,*/*;q=0.8");
			assertThat(missing.statusCode()).isEqualTo(404);
			assertThat(missing.body()).contains("<main id=\"main\"")
				.contains("Error 404")
				.contains("We can’t find that page")
				.contains("<code>/no/such/page</code>")
				.contains("href=\"/assets/bcs.css\"");

			HttpResponse<String> api = get(base + "/no/such/page", "application/json");
			assertThat(api.statusCode()).isEqualTo(404);
			assertThat(api.body()).doesNotContain("<html").contains("\"status\":404");
		}
	}

	private static HttpResponse<String> get(String uri, String accept) throws IOException, InterruptedException {
		return CLIENT.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", accept).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class MinimalApp {

	}

}
