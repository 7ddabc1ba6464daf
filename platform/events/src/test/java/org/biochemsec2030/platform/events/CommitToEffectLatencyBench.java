package org.biochemsec2030.platform.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.biochemsec2030.platform.events.EventsTestApplication.Notes;
import org.biochemsec2030.platform.test.Engines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * Commit → consumer effect latency: from the moment a producer's transaction (change +
 * outbox row) has committed to the moment the consumer's transaction (inbox row + effect)
 * has committed, through the relay, Kafka and the listener container. One change at a
 * time, so each measurement is the latency of an idle pipeline, not of a queue. Not part
 * of the build: run it as bench/README.md says. It asserts nothing about time.
 */
@SpringBootTest(classes = EventsTestApplication.class,
		properties = { "bcs.events.relay.poll-interval=1s", "logging.level.root=warn" })
// A bench runs as long as it has work; the build's default test timeout is for tests.
@Timeout(value = 3, unit = TimeUnit.HOURS)
class CommitToEffectLatencyBench {

	private static final int WARM_UP = Integer.getInteger("bench.warmUp", 200);

	private static final int MEASURED = Integer.getInteger("bench.events", 2000);

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> Engines.database("events"));
		registry.add("spring.datasource.username", () -> "events");
		registry.add("spring.datasource.password", () -> "events");
		registry.add("spring.kafka.bootstrap-servers", () -> Engines.kafka().getBootstrapServers());
	}

	@Autowired
	Notes notes;

	@Test
	void commitToConsumerEffect() throws IOException {
		for (int i = 0; i < WARM_UP; i++) {
			once("warm-up-" + (i % 8));
		}
		long[] micros = new long[MEASURED];
		for (int i = 0; i < MEASURED; i++) {
			micros[i] = once("bench-" + (i % 8));
		}
		Arrays.sort(micros);
		String report = String.format(
				"commit -> consumer effect, %d events one at a time (after %d warm-up): p50 %.1f ms, p90 %.1f ms,"
						+ " p99 %.1f ms, max %.1f ms%n",
				MEASURED, WARM_UP, percentile(micros, 50), percentile(micros, 90), percentile(micros, 99),
				micros[micros.length - 1] / 1000.0);
		System.out.print(report);
		Path out = Path.of("target", "bench", "commit-to-effect.txt");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
	}

	private long once(String noteId) {
		UUID id = this.notes.change(noteId, "latency probe");
		long committed = System.nanoTime();
		String eventId = id.toString();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(1))
			.until(() -> EventsTestApplication.effectCommittedAt.containsKey(eventId));
		return (EventsTestApplication.effectCommittedAt.remove(eventId) - committed) / 1000;
	}

	private static double percentile(long[] sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1000.0;
	}

}
