package org.biochemsec2030.gateway.home;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One page of a service's public list API, as every list endpoint answers it (see "Public
 * list APIs" in docs/architecture.md). Only what the home page shows is read; services
 * may add fields freely.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PublicList(List<Item> items, int page, int size, long total) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Item(String title, String text, String url, String summary, Instant publishedAt, Instant startsAt,
			String location) {
	}

}
