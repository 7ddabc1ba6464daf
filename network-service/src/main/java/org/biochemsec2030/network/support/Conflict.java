package org.biochemsec2030.network.support;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A step the item's state does not allow (approving a rejected application, cancelling a
 * cancelled meeting): a 409 with the reason. A page that meets it answers with the site's
 * error page with 409 (the API's answers are made by ApiErrors).
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class Conflict extends RuntimeException {

	public Conflict(String message) {
		super(message);
	}

}
