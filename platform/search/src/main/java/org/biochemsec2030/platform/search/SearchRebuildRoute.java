package org.biochemsec2030.platform.search;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The admin action "rebuild this service's search index", ready for a Spring MVC service
 * to mount under its admin path, which its security rules already restrict to staff:
 *
 * <pre>{@code
 * &#64;Bean
 * RouterFunction<ServerResponse> searchRebuild(SearchIndex index, PostSearchSource posts) {
 *     return SearchRebuildRoute.post("/admin/content/search/rebuild", index, posts::publicDocuments);
 * }
 * }</pre>
 *
 * {@code POST} runs the rebuild and answers its {@link RebuildReport}: 409 while another
 * rebuild of the index runs, 503 when Elasticsearch is unavailable (RFC 9457 problem
 * details). The source is asked for a fresh stream on each request and must read the
 * service's own database (inside a read-only transaction if it streams from JDBC).
 */
public final class SearchRebuildRoute {

	private SearchRebuildRoute() {
	}

	public static RouterFunction<ServerResponse> post(String path, SearchIndex index,
			Supplier<Stream<SearchDocument>> source) {
		return RouterFunctions.route().POST(path, request -> {
			try {
				return ServerResponse.ok().body(index.rebuild(source.get()));
			}
			catch (RebuildInProgressException ex) {
				return problem(HttpStatus.CONFLICT, ex.getMessage() + "; try again once it has finished.");
			}
			catch (SearchUnavailableException ex) {
				return problem(HttpStatus.SERVICE_UNAVAILABLE,
						"The search engine is unavailable, the index is unchanged: " + ex.getMessage());
			}
		}).build();
	}

	private static ServerResponse problem(HttpStatus status, String detail) {
		return ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(status, detail));
	}

}
