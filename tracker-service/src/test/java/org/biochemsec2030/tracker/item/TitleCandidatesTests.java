package org.biochemsec2030.tracker.item;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which stored items a title is compared with: when a band made of common words is shared
 * by far more items than are compared, the real match must still be among them.
 */
class TitleCandidatesTests {

	private static final Instant DAY = Instant.parse("2026-05-04T00:00:00Z");

	/** Words of the field that many titles share. */
	private static final List<String> COMMON = List.of("protein", "design", "synthesis", "gene", "editing", "model",
			"screening", "detection", "sensor", "toxin", "pathogen", "vaccine", "enzyme", "chemical", "agent",
			"laboratory", "automated", "field", "portable", "sequencing", "genome", "cell", "free", "expression",
			"surveillance", "wastewater", "control", "export", "policy", "treaty");

	@Test
	void olderMatchOutranksManyNewerItemsSharingOneBand() {
		InMemoryItems items = new InMemoryItems();
		String title = "Portable wastewater sequencing flags toxin precursor";
		TitleSignature signature = TitleSignature.of(title);
		UUID original = UUID.randomUUID();
		items.store(new Duplicates.Candidate(original, signature, null, DAY));
		Random random = new Random(7);
		for (int i = 0; i < 3 * Duplicates.CANDIDATES; i++) {
			int[] oneShared = new int[TitleSignature.BANDS];
			for (int b = 0; b < oneShared.length; b++) {
				oneShared[b] = (b == 0) ? signature.bands()[0] : random.nextInt() * TitleSignature.BANDS + b;
			}
			items.store(new Duplicates.Candidate(UUID.randomUUID(),
					new TitleSignature(Set.of("crowd", "n" + i), oneShared), null, DAY));
		}

		assertThat(Duplicates.find("https://mirror.example/a", null, TitleSignature.of(title.toUpperCase(Locale.ROOT)),
				DAY.plus(Duration.ofDays(1)), items))
			.contains(new Duplicates.Match(original, Duplicates.Reason.TITLE));
	}

	@Test
	void itemsPublishedOutsideTheWindowAreNoCandidates() {
		InMemoryItems items = new InMemoryItems();
		TitleSignature signature = TitleSignature.of("Portable wastewater sequencing flags toxin precursor");
		UUID original = UUID.randomUUID();
		items.store(new Duplicates.Candidate(original, signature, null, DAY));
		for (int i = 0; i < 3 * Duplicates.CANDIDATES; i++) {
			items.store(new Duplicates.Candidate(UUID.randomUUID(), signature, null,
					DAY.plus(Duplicates.WINDOW).plus(Duration.ofDays(1 + i))));
		}

		assertThat(items.sharingABand(signature.bands(), DAY)).extracting(Duplicates.Candidate::id)
			.containsExactly(original);
		assertThat(items.sharingABand(signature.bands(), null)).hasSize(Duplicates.CANDIDATES);
	}

	@Test
	void nearIdenticalTitlesAreFoundAmongThousandsSharingCommonWords() {
		Random random = new Random(42);
		InMemoryItems items = new InMemoryItems();
		List<List<String>> titles = new ArrayList<>();
		List<UUID> ids = new ArrayList<>();
		int count = 20_000;
		for (int i = 0; i < count; i++) {
			List<String> words = new ArrayList<>();
			for (int w = 0; w < 3; w++) {
				words.add(COMMON.get(random.nextInt(COMMON.size())));
			}
			for (int w = 0; w < 6; w++) {
				words.add("w" + random.nextInt(20_000));
			}
			titles.add(words);
			// All within one window, so the date does not thin the candidates out.
			ids.add(items.ingest("https://wire.example/a/" + i, null, String.join(" ", words),
					DAY.plusSeconds(60L * i)));
		}
		int found = 0;
		for (int p = 0; p < 500; p++) {
			int i = random.nextInt(count);
			String nearly = String.join(" ", titles.get(i)).toUpperCase(Locale.ROOT) + " | Mirror";
			UUID id = items.ingest("https://mirror.example/a/" + p, null, nearly, DAY.plusSeconds(60L * i + 86_400));
			if (id.equals(ids.get(i))) {
				found++;
			}
		}
		assertThat(found).isEqualTo(500);
	}

}
