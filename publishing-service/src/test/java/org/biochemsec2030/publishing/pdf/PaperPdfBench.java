package org.biochemsec2030.publishing.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.biochemsec2030.publishing.Api;
import org.biochemsec2030.publishing.Papers;
import org.biochemsec2030.publishing.PublishingServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Papers, timed over HTTP on loopback against the real engines: (a) a version's PDF/A
 * made on request, (b) a 20-paper meeting pack (every paper rendered, merged behind a
 * contents page), (c) the paper's page. Its name matches neither {@code *Tests} nor
 * {@code *IT}: the build never runs it ({@code bench/papers/run.sh} does).
 */
@PublishingServiceTest
// A bench runs as long as it has work; the build's default test timeout is for tests.
@Timeout(value = 3, unit = TimeUnit.HOURS)
class PaperPdfBench {

	private static final int PAPERS = Integer.getInteger("bench.papers", 20);

	private static final int PDFS = Integer.getInteger("bench.pdfs", 200);

	private static final int PACKS = Integer.getInteger("bench.packs", 20);

	private static final int PAGES = Integer.getInteger("bench.pages", 2000);

	@LocalServerPort
	int port;

	@Test
	void timesPdfsPacksAndPages() throws Exception {
		Api publisher = new Api(this.port, "publisher");
		String meeting = "bench-" + UUID.randomUUID().toString().substring(0, 8);
		Papers.ok(publisher.put("/api/publishing/v1/meetings", Papers.meeting(meeting)));
		List<String> slugs = new ArrayList<>();
		for (int i = 0; i < PAPERS; i++) {
			slugs.add(Papers.published(publisher, "Bench paper " + i + " " + UUID.randomUUID(), meeting)
				.get("slug")
				.asString());
		}
		Api reader = publisher.anonymous();
		// Warm-up: the JIT, the font and the CSL style.
		for (int i = 0; i < 20; i++) {
			reader.bytes("/papers/" + slugs.get(i % PAPERS) + "/v1/paper.pdf");
			reader.page("/papers/" + slugs.get(i % PAPERS));
		}
		reader.bytes("/meetings/" + meeting + "/pack.pdf");

		long[] pdf = new long[PDFS];
		for (int i = 0; i < PDFS; i++) {
			long start = System.nanoTime();
			byte[] file = reader.bytes("/papers/" + slugs.get(i % PAPERS) + "/v1/paper.pdf");
			pdf[i] = System.nanoTime() - start;
			assertThat(file).isNotEmpty();
		}
		long[] pack = new long[PACKS];
		for (int i = 0; i < PACKS; i++) {
			long start = System.nanoTime();
			byte[] file = reader.bytes("/meetings/" + meeting + "/pack.pdf");
			pack[i] = System.nanoTime() - start;
			assertThat(file).isNotEmpty();
		}
		long[] page = new long[PAGES];
		for (int i = 0; i < PAGES; i++) {
			long start = System.nanoTime();
			Api.Response answer = reader.page("/papers/" + slugs.get(i % PAPERS));
			page[i] = System.nanoTime() - start;
			assertThat(answer.status()).isEqualTo(200);
		}
		String report = String.join("\n", line("paper PDF", pdf), line(PAPERS + "-paper meeting pack", pack),
				line("paper page", page)) + "\n";
		Path out = Path.of("target/bench/papers.txt");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.print(report);
	}

	private static String line(String what, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return String.format(Locale.ROOT, "%s: n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms", what,
				sorted.length, millis(sorted, 50), millis(sorted, 90), millis(sorted, 99), millis(sorted, 100));
	}

	private static double millis(long[] sorted, int p) {
		int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1_000_000.0;
	}

}
