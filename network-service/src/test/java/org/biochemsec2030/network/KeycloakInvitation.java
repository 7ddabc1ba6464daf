package org.biochemsec2030.network;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a new member does with Keycloak's invitation mail, as a browser would: opens its
 * link, proceeds, and chooses a password on Keycloak's own form.
 */
public final class KeycloakInvitation {

	private static final Pattern LINK = Pattern.compile("(https?://\\S+/login-actions/action-token\\?\\S+)");

	private KeycloakInvitation() {
	}

	/** The link in the text of the invitation mail. */
	public static String link(String mailText) {
		Matcher matcher = LINK.matcher(mailText);
		if (!matcher.find()) {
			throw new AssertionError("No action link in: " + mailText);
		}
		return matcher.group(1);
	}

	/** Follows the link and sets the password; returns the last page's text. */
	public static String choosePassword(String link, String password) {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		HttpResponse<String> page = get(browser, URI.create(link));
		for (int step = 0; step < 4; step++) {
			Document document = Jsoup.parse(page.body(), page.uri().toString());
			Element form = document.selectFirst("form:has(input[name=password-new])");
			if (form != null) {
				String body = "password-new=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
						+ "&password-confirm=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
				HttpResponse<String> done = send(browser,
						HttpRequest.newBuilder(URI.create(form.absUrl("action")))
							.header("Content-Type", "application/x-www-form-urlencoded")
							.POST(HttpRequest.BodyPublishers.ofString(body)));
				return Jsoup.parse(done.body()).text();
			}
			Element proceed = document.selectFirst("a[href*=login-actions]");
			if (proceed == null) {
				throw new AssertionError("Neither a password form nor a link to proceed: " + document.text());
			}
			page = get(browser, URI.create(proceed.absUrl("href")));
		}
		throw new AssertionError("No password form after the invitation link");
	}

	private static HttpResponse<String> get(HttpClient browser, URI uri) {
		return send(browser, HttpRequest.newBuilder(uri).GET());
	}

	private static HttpResponse<String> send(HttpClient browser, HttpRequest.Builder request) {
		try {
			return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
