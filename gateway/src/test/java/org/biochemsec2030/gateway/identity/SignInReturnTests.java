package org.biochemsec2030.gateway.identity;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SignInReturnTests {

	private static final URI SITE = URI.create("https://bcs.example");

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "https://bcs.example/blog/a-post | /blog/a-post", "https://bcs.example | /",
					"https://BCS.example:443/papers/p?v=2 | /papers/p?v=2",
					"https://bcs.example/search?q=gene+synthesis | /search?q=gene+synthesis" })
	void returnsToAPageOfThisSite(String referer, String back) {
		assertThat(SignInReturn.pageToReturnTo(referer, SITE)).isEqualTo(back);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://elsewhere.example/blog/a-post", "http://bcs.example/blog/a-post",
			"https://bcs.example:8443/blog", "https://bcs.example//elsewhere.example/x",
			"https://bcs.example/login?error", "https://bcs.example/oauth2/authorization/keycloak",
			"https://bcs.example/logout", "https://bcs.example/api/content/v1/posts", "not a url",
			"https://bcs.example/a/../admin", "/blog/relative" })
	void ignoresEverythingElse(String referer) {
		assertThat(SignInReturn.pageToReturnTo(referer, SITE)).isNull();
	}

}
