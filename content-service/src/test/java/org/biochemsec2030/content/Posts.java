package org.biochemsec2030.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Object Mother of post requests: realistic texts, a unique title per call. */
public final class Posts {

	private Posts() {
	}

	public static Map<String, Object> screeningPost() {
		return post("Gene synthesis screening " + unique(), "How providers check orders before they ship DNA.", """
				Providers of synthetic DNA **screen** sequences and customers.

				See [the 1540 Committee](https://www.un.org/en/sc/1540/).
				""", List.of("synthetic-biology", "biosafety-biosecurity-policy"), List.of("BWC", "1540"),
				List.of("screening"));
	}

	public static Map<String, Object> post(String title, String summary, String body, List<String> topics,
			List<String> regimes, List<String> tags) {
		Map<String, Object> post = new LinkedHashMap<>();
		post.put("title", title);
		post.put("summary", summary);
		post.put("body", body);
		post.put("topics", topics);
		post.put("regimes", regimes);
		post.put("tags", tags);
		return post;
	}

	public static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
