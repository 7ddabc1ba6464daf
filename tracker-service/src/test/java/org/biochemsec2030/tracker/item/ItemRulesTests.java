package org.biochemsec2030.tracker.item;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ItemRulesTests {

	@Test
	void canonicalUrlDropsTrackingFragmentDefaultPortAndCase() {
		assertThat(CanonicalUrl.of("HTTPS://News.Example:443/a/B?utm_source=rss&id=7&fbclid=x&UTM_Medium=y#top"))
			.contains("https://news.example/a/B?id=7");
		assertThat(CanonicalUrl.of("http://example.org")).contains("http://example.org/");
		assertThat(CanonicalUrl.of("http://user:secret@example.org:8080/x?gclid=1"))
			.contains("http://example.org:8080/x");
		assertThat(CanonicalUrl.of("https://bücher.example/x")).contains("https://xn--bcher-kva.example/x");
	}

	@Test
	void canonicalUrlRefusesWhatIsNotAWebAddress() {
		assertThat(CanonicalUrl.of("javascript:alert(1)")).isEmpty();
		assertThat(CanonicalUrl.of("mailto:a@example.org")).isEmpty();
		assertThat(CanonicalUrl.of("/relative/path")).isEmpty();
		assertThat(CanonicalUrl.of("  ")).isEmpty();
		assertThat(CanonicalUrl.of(null)).isEmpty();
	}

	@Test
	void doiIsFoundInLinksIdsAndText() {
		assertThat(Doi.find("https://doi.org/10.5555/ABC.123?utm_source=x", null, null)).contains("10.5555/abc.123");
		assertThat(Doi.find("https://doi.org/10.5555%2Fabc", null, null)).contains("10.5555/abc");
		assertThat(Doi.find("https://news.example/story", "doi:10.1000/XYZ-9", null)).contains("10.1000/xyz-9");
		assertThat(Doi.find(null, null, "Published as doi 10.1016/S0140-6736(20)30183-5."))
			.contains("10.1016/s0140-6736(20)30183-5");
		assertThat(Doi.find(null, null, "(see 10.1234/abcd)")).contains("10.1234/abcd");
		assertThat(Doi.find("https://news.example/story", "tag:news.example,2026:1", "no identifier here")).isEmpty();
	}

	@Test
	void plainTextKeepsOnlyTheTextOfFeedHtml() {
		assertThat(PlainText.of("<p>Gene <b>drive</b> &amp; <script>alert(1)</script>mosquitoes</p>", 100))
			.isEqualTo("Gene drive & mosquitoes");
		assertThat(PlainText.of("one two three four five", 12)).isEqualTo("one two…");
	}

	@Test
	void titleSignatureIgnoresCaseAccentsPunctuationAndStopWords() {
		TitleSignature a = TitleSignature.of("Aerosolised mRNA vaccine — protects the ferrets!");
		TitleSignature b = TitleSignature.of("AEROSOLISED mRNA Vaccine protects ferrets");
		assertThat(a.tokens()).containsExactlyInAnyOrder("aerosolised", "mrna", "vaccine", "protects", "ferrets");
		assertThat(a).isEqualTo(b);
		assertThat(a.bands()).containsExactly(b.bands());
		assertThat(TitleSignature.of("Café études").tokens()).containsExactlyInAnyOrder("cafe", "etudes");
		assertThat(TitleSignature.ofKey(a.key())).isEqualTo(a);
	}

	@Test
	void similarTitlesShareABand() {
		TitleSignature a = TitleSignature.of("Gene drive suppresses malaria mosquito population in large cage trial");
		TitleSignature b = TitleSignature
			.of("Gene-drive suppresses malaria mosquito populations in a large cage trial");
		assertThat(a.jaccard(b)).isGreaterThanOrEqualTo(Duplicates.TITLE_SIMILARITY);
		assertThat(List.of(a.bands())
			.stream()
			.flatMapToInt(java.util.Arrays::stream)
			.filter(band -> contains(b.bands(), band))).isNotEmpty();
	}

	@Test
	void duplicateIsRecognisedByAddressThenDoiThenTitle() {
		InMemoryItems items = new InMemoryItems();
		Instant day = Instant.parse("2026-03-02T00:00:00Z");
		UUID first = items.ingest("https://journal.example/a?utm_source=x", "10.5555/a",
				"Base editor corrects mutation in primates", day);
		assertThat(match(items, "https://journal.example/a", null, "Something else entirely", day))
			.contains(new Duplicates.Match(first, Duplicates.Reason.URL));
		assertThat(match(items, "https://other.example/b", "10.5555/a", "Something else entirely", day))
			.contains(new Duplicates.Match(first, Duplicates.Reason.DOI));
		assertThat(match(items, "https://other.example/c", null, "Base editor corrects a mutation in primates", day))
			.contains(new Duplicates.Match(first, Duplicates.Reason.TITLE));
	}

	@Test
	void similarTitlesAreDifferentArticlesWithDifferentDoisOrFarApartInTime() {
		InMemoryItems items = new InMemoryItems();
		Instant day = Instant.parse("2026-03-02T00:00:00Z");
		items.ingest("https://journal.example/a", "10.5555/a", "Base editor corrects mutation in primates", day);
		assertThat(match(items, "https://journal.example/b", "10.5555/b", "Base editor corrects mutation in primates",
				day))
			.isEmpty();
		assertThat(match(items, "https://journal.example/b", null, "Base editor corrects mutation in primates",
				day.plus(Duplicates.WINDOW).plusSeconds(1)))
			.isEmpty();
		assertThat(match(items, "https://journal.example/b", null, "Base editor corrects mutation in primates",
				day.plus(Duplicates.WINDOW)))
			.isPresent();
	}

	@Test
	void shortTitlesMatchOnlyWhenTheirWordsAreTheSame() {
		InMemoryItems items = new InMemoryItems();
		Instant day = Instant.parse("2026-03-02T00:00:00Z");
		items.ingest("https://blog.example/a", null, "Gene drives", day);
		assertThat(match(items, "https://blog.example/b", null, "Gene drives explained", day)).isEmpty();
		assertThat(match(items, "https://blog.example/c", null, "Gene Drives!", day)).isPresent();
	}

	private static Optional<Duplicates.Match> match(InMemoryItems items, String link, String doi, String title,
			Instant publishedAt) {
		return Duplicates.find(CanonicalUrl.of(link).orElseThrow(), doi, TitleSignature.of(title), publishedAt, items);
	}

	private static boolean contains(int[] values, int value) {
		for (int candidate : values) {
			if (candidate == value) {
				return true;
			}
		}
		return false;
	}

}
