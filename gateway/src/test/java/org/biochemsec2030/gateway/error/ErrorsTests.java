package org.biochemsec2030.gateway.error;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorsTests {

	@Test
	void answersServiceUnavailableForAServiceThatCannotBeReached() {
		assertThat(status(new IllegalStateException(new ConnectException("Connection refused: content-service:8081"))))
			.isEqualTo(503);
		assertThat(status(new UnknownHostException("content-service"))).isEqualTo(503);
	}

	@Test
	void answersGatewayTimeoutForAServiceThatIsTooSlow() {
		assertThat(status(new TimeoutException())).isEqualTo(504);
	}

	@Test
	void answersContentTooLargeForABodyOverABuffersLimit() {
		Throwable translated = Errors.translate(new DataBufferLimitException("Exceeded limit on max bytes"));
		assertThat(translated).isInstanceOf(Refusal.class);
		assertThat(((Refusal) translated).getStatusCode().value()).isEqualTo(413);
	}

	@Test
	void leavesStatusErrorsAndUnknownErrorsAsTheyAre() {
		var notFound = new ResponseStatusException(HttpStatus.NOT_FOUND);
		assertThat(Errors.translate(notFound)).isSameAs(notFound);
		var other = new IOException("something else");
		assertThat(Errors.translate(other)).isSameAs(other);
	}

	@Test
	void neverPutsAnExceptionsWordsInAProblemsDetail() {
		for (int status : new int[] { 400, 404, 405, 413, 429, 500, 502, 503, 504 }) {
			assertThat(Errors.detail(HttpStatus.valueOf(status))).isNotBlank().doesNotContain("Exception");
		}
	}

	private static int status(Throwable ex) {
		return ((ResponseStatusException) Errors.translate(ex)).getStatusCode().value();
	}

}
