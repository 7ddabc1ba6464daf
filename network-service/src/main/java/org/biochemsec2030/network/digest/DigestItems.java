package org.biochemsec2030.network.digest;

import java.time.Clock;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;

import org.biochemsec2030.platform.taxonomy.Topic;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the news the digests are made of, as announced on the other services' topics.
 * Each item is one row whatever the number of deliveries (its kind and id are the key),
 * and its topics are kept as the taxonomy's slugs, whichever spelling the producer used.
 */
@Component
class DigestItems {

	private final JdbcClient jdbc;

	private final Clock clock;

	DigestItems(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void record(String kind, String itemId, String title, String summary, String url, List<String> topics,
			Instant publishedAt) {
		String[] slugs = topics.stream()
			.flatMap(t -> Topic.bySlug(t).or(() -> byLabel(t)).stream())
			.map(Topic::slug)
			.distinct()
			.toArray(String[]::new);
		this.jdbc.sql("""
				insert into digest_item (kind, item_id, title, summary, url, topics, published_at, received_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (kind, item_id) do nothing
				""")
			.params(kind, itemId, title, (summary != null) ? summary : "", url, slugs,
					Timestamp.from((publishedAt != null) ? publishedAt : this.clock.instant()),
					Timestamp.from(this.clock.instant()))
			.update();
	}

	private static java.util.Optional<Topic> byLabel(String label) {
		return java.util.Arrays.stream(Topic.values())
			.filter(t -> t.label().equalsIgnoreCase(label.strip()))
			.findFirst();
	}

}
