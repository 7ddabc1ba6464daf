package org.biochemsec2030.platform.search;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin rebuild action as a Spring MVC service mounts it, against a real
 * Elasticsearch.
 */
class SearchRebuildRouteIT {

	private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
		.withZone(ZoneOffset.UTC);

	private final SearchIndex index = new SearchIndex(TestCluster.client(), "content");

	private final MockMvc mvc = MockMvcBuilders.routerFunctions(SearchRebuildRoute.post("/admin/content/search/rebuild",
			this.index, () -> Stream.of(Documents.post("p1", "Biorisk", "Cloud labs"),
					Documents.post("p2", "Biorisk", "Benchtop synthesizers"))))
		.build();

	@BeforeEach
	void freshCluster() {
		TestCluster.reset();
	}

	@Test
	void rebuildsTheIndexAndReportsWhatItDid() throws Exception {
		this.mvc.perform(post("/admin/content/search/rebuild"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.alias").value("bcs-content"))
			.andExpect(jsonPath("$.documents").value(2));

		assertThat(new SiteSearch(TestCluster.client()).search(SearchQuery.of("biorisk")).total()).isEqualTo(2);
	}

	@Test
	void answersConflictWhileAnotherRebuildHoldsTheIndex() throws Exception {
		this.index.ensureExists();
		// What a rebuild running on another replica leaves in the cluster while it loads.
		TestCluster.client()
			.indices()
			.create(c -> c.index("bcs-content-v" + VERSION.format(Instant.now()) + "-beef")
				.aliases("bcs-content-rebuild", a -> a.isWriteIndex(true)));

		this.mvc.perform(post("/admin/content/search/rebuild"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("already loading")));
		assertThat(TestCluster.indicesBehind("bcs-content")).hasSize(1);
		assertThat(TestCluster.indices("bcs-*")).hasSize(2);
	}

}
