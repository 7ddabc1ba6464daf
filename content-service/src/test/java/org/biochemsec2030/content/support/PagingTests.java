package org.biochemsec2030.content.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Which pages of a list may be asked for. */
class PagingTests {

	@Test
	void pagesStartAtZeroAndTheirOffsetIsPageTimesSize() {
		assertThat(new Paging(0, 10).offset()).isZero();
		assertThat(new Paging(3, 20).offset()).isEqualTo(60);
		assertThat(new Paging(Paging.MAX_OFFSET / 50, 50).offset()).isEqualTo(Paging.MAX_OFFSET);
	}

	@Test
	void aPageWhoseOffsetWouldOverflowIsRefusedWithTheRangeToUse() {
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> new Paging(Integer.MAX_VALUE, 10))
			.satisfies(ex -> assertThat(ex.problems().get(0).field()).isEqualTo("page"))
			.satisfies(ex -> assertThat(ex.problems().get(0).message()).contains("from 0 to 100000"));
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> new Paging(Paging.MAX_OFFSET / 50 + 1, 50));
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> new Paging(-1, 10));
	}

	@Test
	void sizesAreFromOneToFifty() {
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> new Paging(0, 0))
			.satisfies(ex -> assertThat(ex.problems().get(0).field()).isEqualTo("size"));
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> new Paging(0, 51));
		assertThat(new Paging(0, 50).size()).isEqualTo(50);
	}

}
