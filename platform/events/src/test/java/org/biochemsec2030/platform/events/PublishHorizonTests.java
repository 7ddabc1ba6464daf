package org.biochemsec2030.platform.events;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.biochemsec2030.platform.events.PublishHorizon.Watermark;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishHorizonTests {

	private final PublishHorizon horizon = new PublishHorizon();

	@Test
	void anIdleDatabaseSettlesEveryIdHandedOutAtOnce() {
		// Nothing runs: the snapshot's xmin is its xmax.
		assertThat(this.horizon.settledId(unused(), readings(new Watermark(42, 900, 900)))).isEqualTo(42);
		assertThat(this.horizon.waiting()).isFalse();
	}

	@Test
	void idsWaitWhileATransactionOlderThanTheWatermarkIsOpen() {
		assertThat(this.horizon.settledId(unused(), readings(new Watermark(42, 900, 899)))).isZero();
		assertThat(this.horizon.waiting()).isTrue();

		// Transaction 899 is still running.
		assertThat(this.horizon.settledId(() -> 899, readings())).isZero();
		assertThat(this.horizon.waiting()).isTrue();
	}

	@Test
	void theWatermarkSettlesOnceTheTransactionsOpenWhenItWasReadHaveEnded() {
		this.horizon.settledId(unused(), readings(new Watermark(42, 900, 899)));

		// 899 has ended; a new watermark is read at once and settles too if nothing runs.
		assertThat(this.horizon.settledId(() -> 900, readings(new Watermark(45, 903, 903)))).isEqualTo(45);
		assertThat(this.horizon.waiting()).isFalse();
	}

	@Test
	void aSteadyStreamOfShortTransactionsDoesNotStarveIt() {
		// Every reading finds a transaction open, but each one ends before the next
		// round.
		this.horizon.settledId(unused(), readings(new Watermark(10, 100, 99)));
		assertThat(this.horizon.settledId(() -> 100, readings(new Watermark(20, 110, 109)))).isEqualTo(10);
		assertThat(this.horizon.settledId(() -> 110, readings(new Watermark(30, 120, 119)))).isEqualTo(20);
		assertThat(this.horizon.waiting()).isTrue();
	}

	@Test
	void theSettledIdNeverGoesBack() {
		this.horizon.settledId(unused(), readings(new Watermark(42, 900, 900)));

		assertThat(this.horizon.settledId(unused(), readings(new Watermark(40, 901, 901)))).isEqualTo(42);
	}

	private static LongSupplier unused() {
		return () -> {
			throw new AssertionError("no watermark waits, so no xmin is needed");
		};
	}

	private static Supplier<Watermark> readings(Watermark... watermarks) {
		Deque<Watermark> left = new ArrayDeque<>(List.of(watermarks));
		return () -> {
			assertThat(left).as("a watermark read more often than expected").isNotEmpty();
			return left.pop();
		};
	}

}
