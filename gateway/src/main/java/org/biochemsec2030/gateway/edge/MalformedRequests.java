package org.biochemsec2030.gateway.edge;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.biochemsec2030.gateway.error.Refusal;
import reactor.core.publisher.Mono;
import reactor.netty.NettyPipeline;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Requests that Netty cannot decode (a request line longer than
 * {@code server.netty.max-initial-line-length}, headers past
 * {@code server.netty.max-header-size}, a malformed line) are answered by Netty itself
 * with a bare status and no body, before the application sees anything. To give them the
 * suite's one error shape, the failed request is replaced, right after the codec, by a
 * small well-formed one that carries a marker header with this process's secret token and
 * {@code Connection: close} (the rest of the stream cannot be trusted); {@link #filter}
 * turns it into a {@link Refusal}, which the error handler renders as a problem or the
 * error page with the usual security headers. The token keeps clients from forging the
 * marker.
 */
public class MalformedRequests implements WebFilter, Ordered {

	static final String MARKER = "X-BCS-Undecodable";

	/** What survives of the original address when it is kept (headers too large). */
	private static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9/._~%!$&'()*+,;=:@?-]{0,2000}");

	private final String token = HexFormat.of().formatHex(SecureRandom.getSeed(16));

	/**
	 * Puts the request replacing step between the HTTP codec and reactor-netty's
	 * handling.
	 */
	public NettyServerCustomizer nettyCustomizer() {
		return server -> server.doOnChannelInit((observer, channel, remote) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, "bcs.undecodable", new Replacer(this.token));
			}
		});
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String marker = exchange.getRequest().getHeaders().getFirst(MARKER);
		if (marker == null) {
			return chain.filter(exchange);
		}
		int colon = marker.indexOf(':');
		if (colon < 0 || !this.token.equals(marker.substring(colon + 1))) {
			return Mono.error(new Refusal(HttpStatus.BAD_REQUEST, "Request not accepted",
					"This request carries a header the site does not accept. Remove it and try again."));
		}
		return Mono.error(refusal(marker.substring(0, colon)));
	}

	static Refusal refusal(String kind) {
		return switch (kind) {
			case "line" -> new Refusal(HttpStatus.URI_TOO_LONG, "Address too long",
					"The address of this request is longer than the site accepts. "
							+ "Shorten it (a search, for instance, needs only a few words) and try again.");
			case "headers" -> new Refusal(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Request headers too large",
					"The headers of this request are larger than the site accepts, often because of too many "
							+ "or too large cookies for this site. Delete this site's cookies and try again.");
			default -> new Refusal(HttpStatus.BAD_REQUEST, "Request not understood",
					"This request is not well-formed HTTP. Check the client that sent it.");
		};
	}

	@Override
	public int getOrder() {
		// Right after SiteHeaders, so the refusal still gets the security headers.
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	/**
	 * Replaces a request the codec failed to decode; every other message passes
	 * untouched.
	 */
	static final class Replacer extends ChannelInboundHandlerAdapter {

		private final String token;

		Replacer(String token) {
			this.token = token;
		}

		@Override
		public void channelRead(ChannelHandlerContext context, Object message) {
			if (message instanceof HttpRequest request && request.decoderResult().isFailure()) {
				Throwable cause = request.decoderResult().cause();
				String kind = (cause instanceof TooLongHttpLineException) ? "line"
						: (cause instanceof TooLongHttpHeaderException) ? "headers" : "malformed";
				// With headers too large the request line was read whole (the headers are
				// not kept): its path tells an API client from a reader. Headers grow too
				// large mostly in browsers (cookies), so a reader's path gets the error
				// page.
				String uri = (kind.equals("headers") && PLAIN_PATH.matcher(request.uri()).matches()) ? request.uri()
						: "/";
				String accept = (kind.equals("headers") && !uri.startsWith("/api/")) ? "text/html" : null;
				String host = request.headers().get(HttpHeaderNames.HOST);
				ReferenceCountUtil.release(message);
				var replacement = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri,
						Unpooled.EMPTY_BUFFER);
				replacement.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
				replacement.headers().set(MARKER, kind + ":" + this.token);
				if (host != null && host.length() < 256) {
					replacement.headers().set(HttpHeaderNames.HOST, host);
				}
				if (accept != null) {
					replacement.headers().set(HttpHeaderNames.ACCEPT, accept);
				}
				context.fireChannelRead(replacement);
				return;
			}
			context.fireChannelRead(message);
		}

	}

}
