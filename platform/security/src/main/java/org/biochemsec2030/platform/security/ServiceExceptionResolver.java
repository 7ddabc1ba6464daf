package org.biochemsec2030.platform.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A client's failure in reading the request, which Spring MVC would pass on as a 500: a
 * multipart body without a boundary or cut short, parameters the server could not decode
 * or that exceed its cap. It becomes its 4xx, answered by the error controller in the
 * suite's shape. This runs before Spring's own resolvers, and the failure is kept as the
 * error's exception: the error dispatch then renders the answer instead of parsing the
 * same broken body again (and failing again, with an empty answer).
 */
class ServiceExceptionResolver implements HandlerExceptionResolver, Ordered {

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (response.isCommitted()) {
			return null;
		}
		if (ClientErrors.databaseAway(ex)) {
			// The database is away (restarting, failing over): say so and when to try
			// again,
			// rather than a 500 that reads as a fault of this request.
			try {
				request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, ex);
				response.setHeader("Retry-After", "5");
				response.sendError(503);
				return new ModelAndView();
			}
			catch (IOException failure) {
				return null;
			}
		}
		if (!ClientErrors.unreadable(ex)) {
			return null;
		}
		Optional<Integer> status = ClientErrors.status(ex);
		if (status.isEmpty()) {
			return null;
		}
		try {
			request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, ex);
			response.sendError(status.get());
			return new ModelAndView();
		}
		catch (IOException failure) {
			return null;
		}
	}

	@Override
	public int getOrder() {
		return -1;
	}

}
