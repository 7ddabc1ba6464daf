package org.biochemsec2030.network.meeting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.biochemsec2030.network.NetworkServiceTest;
import org.biochemsec2030.platform.security.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RSVP throughput under contention: many members answer the same meeting at once, so
 * every answer waits for the meeting's row lock. Measures answers per second and the
 * latency of one answer, through the service (transaction, lock, count, insert) against
 * the real PostgreSQL of the tests. Named neither *Tests nor *IT: the build never runs it
 * (bench/README.md says how).
 */
@NetworkServiceTest
// A bench runs as long as it has work; the build's default test timeout is for tests.
@Timeout(value = 3, unit = TimeUnit.HOURS)
class RsvpContentionBench {

	private static final Actor COORDINATOR = new Actor("bench", "bench", List.of("coordinator"));

	@Autowired
	Meetings meetings;

	@Test
	void answersToOneMeetingAtOnce() throws Exception {
		int rounds = Integer.getInteger("bench.rounds", 5);
		int answers = Integer.getInteger("bench.answers", 200);
		int threads = Integer.getInteger("bench.threads", 32);
		int capacity = Integer.getInteger("bench.capacity", 50);
		// One warm-up round, not counted.
		round(answers, threads, capacity);
		List<Long> latencies = new ArrayList<>();
		long answered = 0;
		long elapsed = 0;
		for (int r = 0; r < rounds; r++) {
			Round round = round(answers, threads, capacity);
			latencies.addAll(round.latencies());
			answered += answers;
			elapsed += round.nanos();
		}
		Collections.sort(latencies);
		String line = String.format(Locale.ROOT,
				"rsvp contention: %d rounds x %d answers, %d threads, %d places: %.0f answers/s; one answer p50 %.1f ms,"
						+ " p90 %.1f ms, p99 %.1f ms, max %.1f ms; load average %.1f",
				rounds, answers, threads, capacity, answered / (elapsed / 1e9), ms(latencies, 0.50),
				ms(latencies, 0.90), ms(latencies, 0.99), latencies.get(latencies.size() - 1) / 1e6,
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		System.out.println(line);
		Path out = Path.of("target/bench/rsvp-contention.txt");
		Files.createDirectories(out.getParent());
		Files.writeString(out, line + "\n");
	}

	private record Round(List<Long> latencies, long nanos) {

	}

	private Round round(int answers, int threads, int capacity) throws Exception {
		MeetingView meeting = this.meetings.schedule(new MeetingInput("Bench " + UUID.randomUUID(), null, "Bench", "",
				List.of(), "2032-01-10T10:00", "2032-01-10T12:00", "UTC", "Exeter", null, capacity, null, List.of()),
				COORDINATOR);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Long>> results = new ArrayList<>();
		for (int i = 0; i < answers; i++) {
			Meetings.Attendee attendee = new Meetings.Attendee("bench-" + UUID.randomUUID(), "Bench " + i, null);
			results.add(pool.submit(() -> {
				start.await();
				long begin = System.nanoTime();
				this.meetings.attend(meeting.slug(), attendee);
				return System.nanoTime() - begin;
			}));
		}
		long begin = System.nanoTime();
		start.countDown();
		List<Long> latencies = new ArrayList<>();
		for (Future<Long> result : results) {
			latencies.add(result.get());
		}
		long nanos = System.nanoTime() - begin;
		pool.shutdown();
		MeetingView counted = this.meetings.byId(meeting.id());
		assertThat(counted.attending()).isEqualTo(Math.min(capacity, answers));
		assertThat(counted.waiting()).isEqualTo(Math.max(0, answers - capacity));
		return new Round(latencies, nanos);
	}

	private static double ms(List<Long> sorted, double quantile) {
		return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
	}

}
