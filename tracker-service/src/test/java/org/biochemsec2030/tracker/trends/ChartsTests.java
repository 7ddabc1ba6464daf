package org.biochemsec2030.tracker.trends;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChartsTests {

	private static final Series SERIES = new Series("fields-by-quarter", "Developments <per> field",
			"What it counts & why.", "Field", List.of("2026-Q1", "2026-Q2"), List.of("Q1 2026", "Q2 2026"),
			List.of(new Series.Row("genome-editing", "Genome editing", List.of(4, 0)),
					new Series.Row("x", "Synthetic \"biology\"", List.of(1, 2))));

	@Test
	void barsNameTheChartForAssistiveTechnologyAndEscapeItsText() {
		String svg = Charts.bars(SERIES);
		assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
			.contains("aria-labelledby=\"fields-by-quarter-title fields-by-quarter-desc\"")
			.contains("<title id=\"fields-by-quarter-title\">Developments &lt;per&gt; field</title>")
			.contains("<desc id=\"fields-by-quarter-desc\">What it counts &amp; why.")
			.contains("Synthetic &quot;biology&quot; (3)")
			.doesNotContain("<per>")
			.endsWith("</svg>");
	}

	@Test
	void barsWriteEveryNonZeroCountAsANumberAndDrawNoBarForZero() {
		String svg = Charts.bars(SERIES);
		// One ground and one bar per non-zero count: 4, 1 and 2.
		assertThat(svg.split("<rect ", -1)).hasSize(1 + 1 + 3);
		assertThat(svg).contains(">4</text>").contains(">1</text>").contains(">2</text>");
		assertThat(svg).contains(">Q1</text>").contains(">2026</text>");
		// The largest count fills the row; the others are in proportion.
		assertThat(svg).contains("height=\"28\" fill=\"" + Charts.BAR + "\"")
			.contains("height=\"7\" fill=\"" + Charts.BAR + "\"");
	}

	@Test
	void theHeatMapWritesEveryCellsCountAndKeepsItsContrastOnDarkCells() {
		Series heat = new Series("regimes-by-field", "Regimes and fields", "Counts.", "Regime",
				List.of("genome-editing", "chemical-synthesis"), List.of("Genome editing", "Chemical synthesis"),
				List.of(new Series.Row("BWC", "Biological Weapons Convention", List.of(10, 0)),
						new Series.Row("CWC", "Chemical Weapons Convention", List.of(1, 3))));
		String svg = Charts.of(heat);
		assertThat(svg).contains(">Biological Weapons Convention</text>").contains(">Chemical synthesis</text>");
		assertThat(svg).contains("fill=\"" + Charts.GROUND + "\">10</text>")
			.contains("fill=\"" + Charts.INK + "\">0</text>")
			.contains("fill=\"" + Charts.INK + "\">1</text>")
			.contains("fill=\"" + Charts.INK + "\">3</text>");
		// Four cells outlined, so an empty one still reads as a cell.
		assertThat(svg.split("stroke=\"" + Charts.RULE + "\"", -1)).hasSize(5);
	}

}
