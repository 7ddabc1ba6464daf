package org.biochemsec2030.platform.web;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The shared look on either web stack. The layout fragments ({@code templates/bcs/}) and
 * the error pages ({@code templates/error/}) need nothing but Thymeleaf on the classpath:
 * Boot's error view resolution finds {@code error/404} and friends by name. What is wired
 * here is the asset handler: {@code /assets/**} from this jar, cacheable by browsers and
 * proxies for an hour (the file names carry no version, so a longer lifetime would keep
 * an old stylesheet after a release).
 */
@AutoConfiguration
public class WebLayoutAutoConfiguration {

	static final String ASSETS = "/assets/**";

	static final String ASSET_LOCATION = "classpath:/static/assets/";

	static final CacheControl ASSET_CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(WebMvcConfigurer.class)
	static class ServletAssets {

		@Bean
		WebMvcConfigurer bcsAssets() {
			return new WebMvcConfigurer() {
				@Override
				public void addResourceHandlers(ResourceHandlerRegistry registry) {
					registry.addResourceHandler(ASSETS)
						.addResourceLocations(ASSET_LOCATION)
						.setCacheControl(ASSET_CACHE);
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(WebFluxConfigurer.class)
	static class ReactiveAssets {

		@Bean
		WebFluxConfigurer bcsAssets() {
			return new WebFluxConfigurer() {
				@Override
				public void addResourceHandlers(
						org.springframework.web.reactive.config.ResourceHandlerRegistry registry) {
					registry.addResourceHandler(ASSETS)
						.addResourceLocations(ASSET_LOCATION)
						.setCacheControl(ASSET_CACHE);
				}
			};
		}

	}

}
