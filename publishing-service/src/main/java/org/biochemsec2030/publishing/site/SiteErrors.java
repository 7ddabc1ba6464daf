package org.biochemsec2030.publishing.site;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.biochemsec2030.publishing.support.InvalidInput;
import org.biochemsec2030.publishing.support.NotFound;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A public page whose subject does not exist (an unknown paper, version or page number)
 * answers the site's own 404 page, like any unknown address.
 */
@ControllerAdvice(assignableTypes = { PapersPage.class, MeetingsPage.class })
class SiteErrors {

	@ExceptionHandler({ NotFound.class, InvalidInput.class, MethodArgumentTypeMismatchException.class })
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	static int pageNumber(String page) {
		try {
			int number = Integer.parseInt(page);
			if (number >= 1) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw InvalidInput.of("page", "use a page number from 1");
	}

}
