package org.biochemsec2030.platform.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No text the suite stores may hold a NUL character (U+0000): PostgreSQL refuses it in
 * text, and no person types one. Query and form parameters are checked here, once for
 * every service, JSON strings by {@link NulRejectingStrings}; a NUL is a 400 naming the
 * field, never a 500 from the database or a value silently changed. Multipart bodies
 * (uploads) are left to the handler: their parts are files.
 */
class NulGuard extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
			chain.doFilter(request, response);
			return;
		}
		List<Problems.Field> fields = new ArrayList<>();
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			boolean nul = parameter.getKey().indexOf('\u0000') >= 0;
			for (String value : parameter.getValue()) {
				nul |= value != null && value.indexOf('\u0000') >= 0;
			}
			if (nul) {
				fields.add(new Problems.Field(Problems.echo(parameter.getKey()), Problems.NUL_MESSAGE));
			}
		}
		if (!fields.isEmpty()) {
			request.setAttribute(Problems.ATTRIBUTE, Problems.invalid(fields));
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		chain.doFilter(request, response);
	}

}
