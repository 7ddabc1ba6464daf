package org.biochemsec2030.gateway.edge;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class InternalLocationsTests {

	private static final URI SERVICE = URI.create("http://content-service:8081");

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "http://content-service:8081/blog/a?x=1#top | /blog/a?x=1#top", "HTTP://Content-Service:8081 | /",
					"http://content-service:8081//elsewhere.example/x | /elsewhere.example/x",
					"http://content-service:8081/admin/content/posts/%2Fx | /admin/content/posts/%2Fx" })
	void makesAnAddressOnTheServiceASitePath(String location, String onSite) {
		assertThat(InternalLocations.onSite(location, SERVICE)).isEqualTo(onSite);
	}

	@ParameterizedTest
	@CsvSource({ "/blog/a", "https://example.org/x", "http://content-service:8082/x", "https://content-service/x",
			"http://other-service:8081/x", "'http://content-service:8081/a b'" })
	void leavesEveryOtherAddressAlone(String location) {
		assertThat(InternalLocations.onSite(location, SERVICE)).isNull();
	}

}
