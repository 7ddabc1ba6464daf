package org.biochemsec2030.content.admin;

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
 * An unknown post, mini-post, page or revision in the admin tool answers the site's 404
 * page; input no form shows (a bad revision number) the 400 page.
 */
@ControllerAdvice(assignableTypes = { AdminContentController.class, AdminMicroController.class,
		AdminPageController.class, AdminReviewController.class })
class AdminErrors {

	@ExceptionHandler({ NotFound.class, MethodArgumentTypeMismatchException.class })
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	@ExceptionHandler(InvalidInput.class)
	void invalid(InvalidInput ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		request.setAttribute(Problems.ATTRIBUTE, ex.asProblem());
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

}
