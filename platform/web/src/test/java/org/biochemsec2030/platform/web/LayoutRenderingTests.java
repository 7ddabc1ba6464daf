package org.biochemsec2030.platform.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout contract as a page author sees it, rendered by the same Thymeleaf engine
 * (with Spring expressions) that Boot configures.
 */
class LayoutRenderingTests {

	private final SpringTemplateEngine engine = engine();

	@Test
	void wrapsThePageInTheSharedShell() {
		String html = render("sample", Map.of("message", "The first paper will appear here."));
		assertThat(html).contains("<title>Briefing papers · Bio-Chemical Security 2030</title>")
			.contains("<link rel=\"stylesheet\" href=\"/assets/bcs.css\">")
			.contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/assets/favicon.svg\">")
			.contains("<a class=\"skip-link\" href=\"#main\">")
			.contains("<nav class=\"site-nav\" aria-label=\"Main\">")
			.contains("<footer class=\"site-footer\">");
		assertThat(html.indexOf("<main id=\"main\"")).isLessThan(html.indexOf("The first paper will appear here."))
			.isLessThan(html.indexOf("</main>"));
	}

	@Test
	void linksEverySectionOfTheSiteInOrder() {
		String html = render("sample", Map.of("message", "x"));
		List<String> links = List.of("href=\"/blog\">Blog", "href=\"/micro\">Mini-blog", "href=\"/network\">Network",
				"href=\"/events\">Events", "href=\"/tracker\">Tracker", "href=\"/papers\" aria-current=\"page\">Papers",
				"href=\"/search\">Search", "href=\"/oauth2/authorization/keycloak\">Sign in");
		int previous = -1;
		for (String link : links) {
			int at = html.indexOf(link);
			assertThat(at).as(link).isGreaterThan(previous);
			previous = at;
		}
	}

	@Test
	void marksOnlyTheCurrentSection() {
		String html = render("sample", Map.of("message", "x"));
		assertThat(html.split("aria-current=", -1)).hasSize(2);
	}

	@Test
	void showsTheSignedInUsersAccountInsteadOfSignIn() {
		String html = render("sample", Map.of("message", "x", "bcsUser", "Ada <Lovelace>"));
		assertThat(html).doesNotContain("Sign in").contains("<a href=\"/account\">Account (Ada &lt;Lovelace&gt;)</a>");
	}

	@Test
	void rendersErrorPagesInTheSameShell() {
		Map<String, Object> model = new HashMap<>();
		model.put("status", 503);
		model.put("error", "Service Unavailable");
		model.put("path", "/papers/<x>");
		String html = render("error/503", model);
		assertThat(html).contains("<title>Service unavailable · Bio-Chemical Security 2030</title>")
			.contains("Error 503")
			.contains("This part of the site is unavailable right now")
			.contains("<code>/papers/&lt;x&gt;</code>")
			.contains("<nav class=\"site-nav\" aria-label=\"Main\">")
			.doesNotContain("aria-current");
	}

	private String render(String template, Map<String, Object> model) {
		return this.engine.process(template, new Context(null, model));
	}

	private static SpringTemplateEngine engine() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setCharacterEncoding("UTF-8");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		// Outside a web request there is no context path; the apps run at the root.
		engine.setLinkBuilder(new StandardLinkBuilder() {
			@Override
			protected String computeContextPath(IExpressionContext context, String base,
					Map<String, Object> parameters) {
				return "";
			}
		});
		return engine;
	}

}
