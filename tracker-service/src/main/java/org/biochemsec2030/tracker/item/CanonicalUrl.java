package org.biochemsec2030.tracker.item;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one address an article is known by, whichever feed linked to it: scheme and host in
 * lower case, default port, fragment, credentials and tracking parameters dropped. Path
 * and the remaining query are kept as they are (their case and order can matter to the
 * site), so two addresses that differ there stay two addresses.
 */
public final class CanonicalUrl {

	/** Parameters that only say where a click came from; any {@code utm_*} as well. */
	private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid",
			"mc_cid", "mc_eid", "igshid", "yclid", "twclid", "ttclid", "li_fat_id", "_hsenc", "_hsmi", "mkt_tok",
			"oly_anon_id", "oly_enc_id", "vero_id", "wt.mc_id", "ncid", "cmpid", "spm");

	private static final int MAX_LENGTH = 2000;

	private CanonicalUrl() {
	}

	/** The canonical form of an http(s) address, or empty when it is not one. */
	public static Optional<String> of(String raw) {
		if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		URI uri;
		try {
			uri = new URI(raw.strip().replace(" ", "%20"));
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return Optional.empty();
		}
		String host = host(uri);
		if (host == null || host.isEmpty()) {
			return Optional.empty();
		}
		int port = uri.getPort();
		boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
				|| (scheme.equals("https") && port == 443);
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		StringBuilder url = new StringBuilder(scheme).append("://").append(host);
		if (!defaultPort) {
			url.append(':').append(port);
		}
		url.append(path);
		String query = query(uri.getRawQuery());
		if (!query.isEmpty()) {
			url.append('?').append(query);
		}
		return Optional.of(url.toString());
	}

	private static String host(URI uri) {
		String host = uri.getHost();
		if (host == null && uri.getRawAuthority() != null) {
			// Non-ASCII host names are not hosts to java.net.URI; their ASCII form is.
			String authority = uri.getRawAuthority();
			int at = authority.lastIndexOf('@');
			String hostPort = authority.substring(at + 1);
			int colon = hostPort.lastIndexOf(':');
			String name = (colon > 0) ? hostPort.substring(0, colon) : hostPort;
			try {
				host = IDN.toASCII(URLDecoder.decode(name, StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		if (host == null) {
			return null;
		}
		host = host.toLowerCase(Locale.ROOT);
		return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
	}

	private static String query(String raw) {
		if (raw == null || raw.isEmpty()) {
			return "";
		}
		List<String> kept = new ArrayList<>();
		for (String part : raw.split("&")) {
			if (part.isEmpty()) {
				continue;
			}
			int equals = part.indexOf('=');
			String name = URLDecoder.decode((equals >= 0) ? part.substring(0, equals) : part, StandardCharsets.UTF_8)
				.toLowerCase(Locale.ROOT);
			if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
				kept.add(part);
			}
		}
		return String.join("&", kept);
	}

}
