package org.biochemsec2030.gateway.edge;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What reaches the application after Netty's HTTP codec fails on a request. */
class MalformedRequestsTests {

	private final EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(4096, 8192, 8192),
			new MalformedRequests.Replacer("secret"));

	@Test
	void replacesARequestWithHeadersTooLargeKeepingItsPathAsAPageRequest() {
		FullHttpRequest request = send("GET /blog/a-post HTTP/1.1\r\nHost: site.example\r\nAccept: text/html\r\n"
				+ "Cookie: a=" + "b".repeat(10_000) + "\r\n\r\n");
		assertThat(request.uri()).isEqualTo("/blog/a-post");
		assertThat(request.headers().get("Accept")).isEqualTo("text/html");
		assertThat(request.headers().get(MalformedRequests.MARKER)).isEqualTo("headers:secret");
		assertThat(request.headers().get("Connection")).isEqualTo("close");
		assertThat(request.headers().get("Cookie")).isNull();
	}

	@Test
	void asksForAProblemWhenThePathIsAnApisOne() {
		FullHttpRequest request = send("GET /api/content/v1/posts HTTP/1.1\r\nHost: site.example\r\n" + "X-Big: "
				+ "b".repeat(10_000) + "\r\n\r\n");
		assertThat(request.uri()).isEqualTo("/api/content/v1/posts");
		assertThat(request.headers().get("Accept")).isNull();
	}

	@Test
	void replacesARequestLineTooLongWithTheSitesRoot() {
		FullHttpRequest request = send("GET /search?q=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: site.example\r\n\r\n");
		assertThat(request.uri()).isEqualTo("/");
		assertThat(request.headers().get(MalformedRequests.MARKER)).isEqualTo("line:secret");
	}

	@Test
	void keepsNoPathThatIsNotAPlainOne() {
		FullHttpRequest request = send("GET http://elsewhere.example/x HTTP/1.1\r\nHost: site.example\r\n" + "X-Big: "
				+ "b".repeat(10_000) + "\r\n\r\n");
		assertThat(request.uri()).isEqualTo("/");
		assertThat(request.headers().get(MalformedRequests.MARKER)).isEqualTo("headers:secret");
	}

	@Test
	void passesWellFormedRequestsUntouched() {
		this.channel.writeInbound(Unpooled.copiedBuffer(
				"GET /blog HTTP/1.1\r\nHost: site.example\r\nAccept: text/html\r\n\r\n", StandardCharsets.US_ASCII));
		io.netty.handler.codec.http.HttpRequest request = this.channel.readInbound();
		assertThat(request.decoderResult().isSuccess()).isTrue();
		assertThat(request.uri()).isEqualTo("/blog");
		assertThat(request.headers().get(MalformedRequests.MARKER)).isNull();
	}

	@Test
	void tellsEachKindOfFailureInWordsForTheReader() {
		assertThat(MalformedRequests.refusal("line").getStatusCode().value()).isEqualTo(414);
		assertThat(MalformedRequests.refusal("headers").getStatusCode().value()).isEqualTo(431);
		assertThat(MalformedRequests.refusal("malformed").getStatusCode().value()).isEqualTo(400);
	}

	private FullHttpRequest send(String raw) {
		this.channel.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.US_ASCII));
		Object message = this.channel.readInbound();
		assertThat(message).isInstanceOf(FullHttpRequest.class);
		FullHttpRequest request = (FullHttpRequest) message;
		assertThat(request.decoderResult().isSuccess()).isTrue();
		return request;
	}

}
