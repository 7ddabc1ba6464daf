package org.biochemsec2030.content.media;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How much an upload is subsampled while it is decoded. */
class MediaServiceTests {

	@Test
	void anImageWithinTheStoredSizeIsDecodedWhole() {
		assertThat(MediaService.subsampling(800, 400)).isEqualTo(1);
		assertThat(MediaService.subsampling(2560, 2560)).isEqualTo(1);
	}

	@Test
	void aLargeImageIsDecodedToAtLeastTheStoredSizeWhenThePixelsAllowIt() {
		// 15 million pixels: decoded whole, then scaled to 2560 pixels wide.
		assertThat(MediaService.subsampling(5000, 3000)).isEqualTo(1);
		// Every second pixel still leaves 3000 pixels a side.
		assertThat(MediaService.subsampling(6000, 6000)).isEqualTo(2);
		assertThat(MediaService.subsampling(6000, 10)).isEqualTo(2);
	}

	@Test
	void theDecodedRasterNeverExceedsItsBound() {
		for (int width = 1; width <= MediaService.MAX_SIDE; width += 97) {
			for (int height = 1; height <= MediaService.MAX_SIDE; height += 89) {
				int step = MediaService.subsampling(width, height);
				long pixels = (long) ((width + step - 1) / step) * ((height + step - 1) / step);
				assertThat(pixels).isLessThanOrEqualTo(MediaService.MAX_DECODED_PIXELS);
			}
		}
		assertThat(MediaService.subsampling(5119, 5119)).isEqualTo(2);
	}

}
