package org.biochemsec2030.tracker.item;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.biochemsec2030.tracker.TrackerServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The band look-up against real PostgreSQL when a title's bands are common: hundreds of
 * newer items share one band with it (as titles made of the field's usual words do), or
 * share every band but were published too far away to be the same article. The older item
 * that really is the same article must still be among the candidates.
 */
@TrackerServiceTest
class CandidateLookupIT {

	private static final int CROWD = 300;

	@Autowired
	ItemRepository items;

	@Test
	void olderMatchIsFoundAmongManyNewerItemsSharingACommonBand() {
		String key = UUID.randomUUID().toString().substring(0, 8);
		Instant published = Instant.parse("2026-05-04T00:00:00Z");
		Instant seen = Instant.parse("2026-05-05T00:00:00Z");
		String title = "Portable wastewater sequencing flags " + key + " toxin precursor";
		TitleSignature signature = TitleSignature.of(title);
		UUID original = UUID.randomUUID();
		this.items.insert(original, "https://wire-" + key + ".example/original", title, signature, "", null, published,
				seen);
		Random random = new Random(7);
		int[] bands = signature.bands();
		for (int i = 0; i < CROWD; i++) {
			// Same date, one band in common (the common-words band) and newer.
			int[] oneShared = new int[TitleSignature.BANDS];
			for (int b = 0; b < oneShared.length; b++) {
				oneShared[b] = (b == 0) ? bands[0] : random.nextInt() * TitleSignature.BANDS + b;
			}
			this.items.insert(UUID.randomUUID(), "https://wire-" + key + ".example/crowd/" + i,
					"Crowd " + key + " " + i, new TitleSignature(Set.of("crowd", key, "n" + i), oneShared), "", null,
					published, seen.plusSeconds(i + 1));
			// Every band in common, newer, but published far outside the title window.
			this.items.insert(UUID.randomUUID(), "https://wire-" + key + ".example/late/" + i, "Late " + key + " " + i,
					new TitleSignature(Set.of("late", key, "n" + i), bands), "", null,
					published.plus(Duplicates.WINDOW).plus(Duration.ofDays(30)), seen.plusSeconds(CROWD + i + 1));
		}

		// The same words as the original (so the same bands) under another address.
		Optional<Duplicates.Match> match = Duplicates.find("https://mirror-" + key + ".example/again", null,
				TitleSignature.of(title.toUpperCase(java.util.Locale.ROOT) + "!"), published.plus(Duration.ofDays(1)),
				this.items);

		assertThat(match).contains(new Duplicates.Match(original, Duplicates.Reason.TITLE));
	}

}
