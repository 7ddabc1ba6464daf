package org.biochemsec2030.platform.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last resolver: a client's failure no handler took (a multipart body without a
 * boundary or cut short, parameters the server could not decode or that exceed its cap)
 * becomes its 4xx, answered by the error controller in the suite's shape.
 */
class ServiceExceptionResolver implements HandlerExceptionResolver, Ordered {

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		Optional<Integer> status = ClientErrors.status(ex);
		if (status.isEmpty() || response.isCommitted()) {
			return null;
		}
		try {
			response.sendError(status.get());
			return new ModelAndView();
		}
		catch (IOException failure) {
			return null;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
