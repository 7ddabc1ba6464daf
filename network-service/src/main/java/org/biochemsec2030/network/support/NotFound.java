package org.biochemsec2030.network.support;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Nothing under this name (or nothing this caller may see): a 404. A page that meets it
 * answers with the site's 404 page (the API's answers are made by ApiErrors).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFound extends RuntimeException {

	public NotFound(String message) {
		super(message);
	}

}
