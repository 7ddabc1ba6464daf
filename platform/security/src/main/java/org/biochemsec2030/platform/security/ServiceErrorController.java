package org.biochemsec2030.platform.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where every error the application did not answer itself ends (Boot's {@code /error}):
 * an unknown address, a refused method or content type, a body over a limit, an address
 * the firewall refuses, an exception nobody handled. Browsers get the site's error page,
 * everyone else a problem; Boot's own JSON shape ({@code timestamp, status, error, path})
 * never leaves the service.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ServiceErrorController extends AbstractErrorController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ErrorAttributes errorAttributes;

	ServiceErrorController(ErrorAttributes errorAttributes, List<ErrorViewResolver> errorViewResolvers) {
		super(errorAttributes, errorViewResolvers);
		this.errorAttributes = errorAttributes;
	}

	@RequestMapping
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		ProblemDetail problem = problem(request);
		response.setStatus(problem.getStatus());
		String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (path == null) {
			path = request.getRequestURI();
		}
		if (!Problems.wantsPage(request)) {
			problem.setInstance(null);
			Map<String, Object> body = Problems.asMap(problem, path);
			response.setContentType(Problems.PROBLEM_JSON.toString());
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(JSON.writeValueAsString(body));
			return null;
		}
		HttpStatus status = HttpStatus.resolve(problem.getStatus());
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("status", problem.getStatus());
		model.put("error", status.getReasonPhrase());
		model.put("path", path);
		model.put("bcsProblem", pageDetail(request, problem));
		ModelAndView view = resolveErrorView(request, response, status, model);
		if (view != null) {
			return view;
		}
		// An app without the site's templates (platform/web) still answers a page.
		response.setContentType("text/html");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(ServerErrorReport.page(problem.getStatus()));
		return null;
	}

	/**
	 * The problem prepared where the error was found, else one made from the status and
	 * the exception: a client's failure the server took for its own becomes its 4xx.
	 */
	private ProblemDetail problem(HttpServletRequest request) {
		if (request.getAttribute(Problems.ATTRIBUTE) instanceof ProblemDetail prepared) {
			return prepared;
		}
		Integer code = (Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// Asked for directly, /error is an address like any other that has nothing.
		int status = (code != null) ? code : 404;
		Throwable failure = this.errorAttributes.getError(new ServletWebRequest(request));
		if (failure != null && status >= 500) {
			Optional<Integer> client = ClientErrors.status(failure);
			if (client.isPresent()) {
				status = client.get();
			}
		}
		return Problems.of(status);
	}

	/** What a page says besides its status: only what the service prepared for people. */
	private static String pageDetail(HttpServletRequest request, ProblemDetail problem) {
		if (!(request.getAttribute(Problems.ATTRIBUTE) instanceof ProblemDetail)) {
			return null;
		}
		if (problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> errors
				&& !errors.isEmpty()) {
			StringBuilder text = new StringBuilder();
			for (Object error : errors) {
				if (error instanceof Map<?, ?> field) {
					text.append(text.isEmpty() ? "" : " ")
						.append(field.get("field"))
						.append(": ")
						.append(field.get("message"))
						.append('.');
				}
			}
			return text.toString();
		}
		return problem.getDetail();
	}

}
