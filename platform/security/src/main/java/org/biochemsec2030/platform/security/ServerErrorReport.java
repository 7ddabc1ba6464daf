package org.biochemsec2030.platform.security;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors Tomcat answers before the application sees the request (an address it cannot
 * decode, a request line or headers it refuses, an error page that failed itself) in the
 * suite's shape instead of Tomcat's own HTML report: a problem for API clients, a plain
 * page in the site's style for browsers, with the security headers. Nothing of the
 * request is repeated: it could not even be read.
 */
class ServerErrorReport extends ErrorReportValve {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	ServerErrorReport() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		try {
			SecurityHeaders.all().forEach(response::setHeader);
			boolean page = Problems.wantsPage(request);
			response.setContentType(page ? "text/html" : Problems.PROBLEM_JSON.toString());
			response.setCharacterEncoding("UTF-8");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write(page ? page(status) : JSON.writeValueAsString(Problems.asMap(Problems.of(status), null)));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the answer is under way: nothing more to say.
		}
	}

	static String page(int status) {
		String heading = (status >= 500) ? "Something went wrong on our side" : "We couldn’t handle that request";
		String title = (status >= 500) ? "Error" : "Request not understood";
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				  <meta charset="utf-8">
				  <meta name="viewport" content="width=device-width, initial-scale=1">
				  <title>%s · Bio-Chemical Security 2030</title>
				  <link rel="stylesheet" href="/assets/bcs.css">
				  <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
				</head>
				<body>
				<main id="main">
				  <div class="error-page">
				    <p class="eyebrow">Error %d</p>
				    <h1>%s</h1>
				    <p class="lead">%s</p>
				    <p><a href="/">Go to the home page</a></p>
				  </div>
				</main>
				</body>
				</html>
				""".formatted(title, status, heading, HtmlUtils.htmlEscape(Problems.sentence(status)));
	}

}
