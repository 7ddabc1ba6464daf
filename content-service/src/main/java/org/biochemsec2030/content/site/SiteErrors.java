package org.biochemsec2030.content.site;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.biochemsec2030.content.support.InvalidInput;
import org.biochemsec2030.content.support.NotFound;
import org.biochemsec2030.platform.security.Problems;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A public page whose subject does not exist (an unknown slug, topic or page number, an
 * id that is not one) answers the site's own 404 page, like any unknown address; a query
 * that cannot be answered, the 400 page.
 */
@ControllerAdvice(assignableTypes = { BlogController.class, MicroController.class, StandingPageController.class })
class SiteErrors {

	@ExceptionHandler({ NotFound.class, MethodArgumentTypeMismatchException.class })
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	/**
	 * A query no list answers (a page number beyond any list's reach): the 400 page, with
	 * what to correct.
	 */
	@ExceptionHandler(InvalidInput.class)
	void invalid(InvalidInput ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		request.setAttribute(Problems.ATTRIBUTE, ex.asProblem());
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

}
