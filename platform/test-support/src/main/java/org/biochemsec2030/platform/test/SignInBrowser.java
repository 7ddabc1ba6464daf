package org.biochemsec2030.platform.test;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser does in a sign-in, with a plain HTTP client: keeps cookies, follows
 * redirects one by one (so tests can look at each hop) and submits Keycloak's real login
 * form. Used to sign in through a gateway in tests, as a user's browser would.
 */
public final class SignInBrowser {

	private static final Pattern FORM_ACTION = Pattern
		.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	/** Every address visited by the last {@link #open} or {@link #submit}, in order. */
	public final List<URI> visited = new ArrayList<>();

	public HttpResponse<String> open(String uri) {
		this.visited.clear();
		return follow(send(HttpRequest.newBuilder(URI.create(uri)).GET()));
	}

	/**
	 * As {@link #open(String)}, with headers on the first request only (a link's
	 * Referer).
	 */
	public HttpResponse<String> open(String uri, Map<String, String> headers) {
		this.visited.clear();
		var request = HttpRequest.newBuilder(URI.create(uri)).GET();
		headers.forEach(request::header);
		return follow(send(request));
	}

	public HttpResponse<String> get(String uri, Map<String, String> headers) {
		var request = HttpRequest.newBuilder(URI.create(uri)).GET();
		headers.forEach(request::header);
		return send(request);
	}

	/** Posts a form without following the answer's redirect. */
	public HttpResponse<String> post(String uri, Map<String, String> form) {
		return send(HttpRequest.newBuilder(URI.create(uri))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form))));
	}

	public HttpResponse<String> submit(String uri, Map<String, String> form) {
		this.visited.clear();
		return follow(post(uri, form));
	}

	/** From any page that leads to Keycloak's login form: fills it in and comes back. */
	public HttpResponse<String> signIn(String startUri, String user, String password) {
		HttpResponse<String> loginPage = open(startUri);
		assertThat(loginPage.statusCode()).as("Keycloak's login page").isEqualTo(200);
		return submit(loginFormAction(loginPage.body()), Map.of("username", user, "password", password));
	}

	public static String loginFormAction(String html) {
		Matcher matcher = FORM_ACTION.matcher(html);
		assertThat(matcher.find())
			.as("a Keycloak login form in %s", html.length() > 300 ? html.substring(0, 300) : html)
			.isTrue();
		return matcher.group(1).replace("&amp;", "&");
	}

	public static String csrfField(String html) {
		Matcher matcher = CSRF_FIELD.matcher(html);
		assertThat(matcher.find()).as("a CSRF field in the page").isTrue();
		return matcher.group(1);
	}

	private HttpResponse<String> follow(HttpResponse<String> response) {
		this.visited.add(response.uri());
		for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
			URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
			response = send(HttpRequest.newBuilder(next).GET());
			this.visited.add(next);
		}
		return response;
	}

	/** Sends any request with this browser's cookies, without following redirects. */
	public HttpResponse<String> send(HttpRequest.Builder request) {
		// As browsers do; Spring Security remembers only page requests to return to after
		// sign-in.
		request.setHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
