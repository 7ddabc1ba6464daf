package org.biochemsec2030.platform.security;

import java.util.List;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every error of a service in one shape, with no code in the service: problems for API
 * clients and the site's error page for browsers, whether the error is the service's own,
 * Spring MVC's, the security filters', or Tomcat's before the request reached the
 * application (see {@link Problems}). A service adds advice only for its own exceptions.
 */
@AutoConfiguration(beforeName = { "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
		"org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ServiceErrorsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ServiceErrorController bcsErrorController(ErrorAttributes errorAttributes,
			ObjectProvider<ErrorViewResolver> errorViewResolvers) {
		return new ServiceErrorController(errorAttributes, errorViewResolvers.orderedStream().toList());
	}

	@Bean
	ApiProblems bcsApiProblems() {
		return new ApiProblems();
	}

	@Bean
	ServiceExceptionResolver bcsClientErrorResolver() {
		return new ServiceExceptionResolver();
	}

	@Bean
	NulRejectingStrings bcsNulRejectingStrings() {
		return new NulRejectingStrings();
	}

	/**
	 * After Spring Security's filters: nobody's parameters are read before they are let
	 * in.
	 */
	@Bean
	FilterRegistrationBean<NulGuard> bcsNulGuard() {
		FilterRegistrationBean<NulGuard> registration = new FilterRegistrationBean<>(new NulGuard());
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setOrder(0);
		return registration;
	}

	@Bean
	WebMvcConfigurer bcsAuthorizeFirst() {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new AuthorizeFirst());
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tomcat.class)
	static class TomcatErrors {

		/**
		 * Runs after Boot's own customizer, which puts a plain ErrorReportValve on the
		 * host: that one is replaced.
		 */
		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> bcsServerErrorReport() {
			return new WebServerFactoryCustomizer<>() {
				@Override
				public void customize(TomcatServletWebServerFactory factory) {
					factory.addContextCustomizers(context -> {
						Pipeline pipeline = context.getParent().getPipeline();
						for (Valve valve : List.of(pipeline.getValves())) {
							if (valve instanceof ErrorReportValve && !(valve instanceof ServerErrorReport)) {
								pipeline.removeValve(valve);
							}
						}
						pipeline.addValve(new ServerErrorReport());
						if (context.getParent() instanceof StandardHost host) {
							host.setErrorReportValveClass(ServerErrorReport.class.getName());
						}
					});
				}

				@Override
				public String toString() {
					return "bcsServerErrorReport";
				}
			};
		}

	}

}
