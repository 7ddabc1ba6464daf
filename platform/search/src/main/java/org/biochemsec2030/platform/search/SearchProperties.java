package org.biochemsec2030.platform.search;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the suite's Elasticsearch cluster is and how long to wait for it. Short timeouts
 * keep a slow or absent cluster from holding request threads: search is derived data and
 * may degrade.
 */
@Validated
@ConfigurationProperties("bcs.search")
public record SearchProperties(@NotEmpty @DefaultValue("http://localhost:9200") List<URI> uris, String username,
		String password, @DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration socketTimeout) {
}
