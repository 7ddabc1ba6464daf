package org.biochemsec2030.platform.search;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the suite's Elasticsearch cluster is and how long to wait for it. Short timeouts
 * keep a slow or absent cluster from holding request threads: search is derived data and
 * may degrade.
 *
 * @param uris the cluster's nodes
 * @param username optional basic-auth user
 * @param password its password
 * @param connectTimeout how long to wait for a connection
 * @param socketTimeout how long to wait for an answer
 * @param service the app's own index family, if it has one: {@code content} gives a
 * {@link SearchIndex} bean for {@code bcs-content}
 */
@Validated
@ConfigurationProperties("bcs.search")
public record SearchProperties(@NotEmpty @DefaultValue("http://localhost:9200") List<URI> uris, String username,
		String password, @DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration socketTimeout,
		@Pattern(regexp = "[a-z][a-z0-9]{1,30}") String service) {
}
