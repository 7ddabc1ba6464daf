package org.biochemsec2030.tracker.triage;

import java.util.List;
import java.util.UUID;

import org.biochemsec2030.tracker.item.ItemText;
import org.biochemsec2030.tracker.item.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RulesTests {

	private static final ItemText ITEM = new ItemText("Gain-of-Function study probes avian influenza in ferrets",
			"Researchers passaged the virus; see the methods.", List.of("Example Wire", "https://wire.example/rss"));

	@Test
	void keywordsMatchWholeWordsInAnyCaseAndWithoutAccents() {
		assertThat(apply(rule("gain of function", TriageRule.Field.TITLE, TriageRule.Action.FLAG)).flagged()).isTrue();
		assertThat(apply(rule("FERRETS", TriageRule.Field.TITLE, TriageRule.Action.FLAG)).flagged()).isTrue();
		assertThat(apply(rule("ferret", TriageRule.Field.TITLE, TriageRule.Action.FLAG)).flagged()).isFalse();
		assertThat(apply(rule("méthods", TriageRule.Field.SUMMARY, TriageRule.Action.FLAG)).flagged()).isTrue();
		assertThat(apply(rule("ferrets", TriageRule.Field.SUMMARY, TriageRule.Action.FLAG)).flagged()).isFalse();
		assertThat(apply(rule("wire example", TriageRule.Field.SOURCE, TriageRule.Action.FLAG)).flagged()).isTrue();
		assertThat(apply(rule("virus", TriageRule.Field.ANY, TriageRule.Action.FLAG)).flagged()).isTrue();
	}

	@Test
	void regexesMatchAnywhereInAnyCase() {
		TriageRule regex = new TriageRule(UUID.randomUUID(), "gof", TriageRule.Field.TITLE, TriageRule.Kind.REGEX,
				"gain[- ]of[- ]function", TriageRule.Action.TAG, "dual-use", 1, true);
		assertThat(apply(regex).tags()).containsExactly("dual-use");
	}

	@Test
	void tagsAndTopicsAddUpAndAFlagOutweighsADismissal() {
		Verdict verdict = Rules
			.of(List.of(rule("ferrets", TriageRule.Field.TITLE, TriageRule.Action.DISMISS),
					new TriageRule(UUID.randomUUID(), "tag", TriageRule.Field.ANY, TriageRule.Kind.KEYWORD, "virus",
							TriageRule.Action.TAG, "virology", 2, true),
					new TriageRule(UUID.randomUUID(), "topic", TriageRule.Field.ANY, TriageRule.Kind.KEYWORD,
							"influenza", TriageRule.Action.TOPIC, "biosafety-biosecurity-policy", 3, true)))
			.apply(ITEM);
		assertThat(verdict.dismissed()).isTrue();
		assertThat(verdict.tags()).containsExactly("virology");
		assertThat(verdict.topics()).containsExactly("biosafety-biosecurity-policy");
		assertThat(verdict.rules()).hasSize(3);
		Verdict flagged = Rules.of(List.of(rule("ferrets", TriageRule.Field.TITLE, TriageRule.Action.DISMISS),
				rule("influenza", TriageRule.Field.TITLE, TriageRule.Action.FLAG)))
			.apply(ITEM);
		assertThat(flagged.dismissed()).isFalse();
		assertThat(flagged.flagged()).isTrue();
	}

	@Test
	void disabledRulesDoNothing() {
		TriageRule off = new TriageRule(UUID.randomUUID(), "off", TriageRule.Field.TITLE, TriageRule.Kind.KEYWORD,
				"ferrets", TriageRule.Action.FLAG, null, 1, false);
		assertThat(apply(off)).isEqualTo(Verdict.NONE);
	}

	@Test
	void costlyRegexesAreRefusedWhenWritten() {
		// Cubic backtracking on texts of the longest length; quadratic ones are accepted.
		assertThatIllegalArgumentException().isThrownBy(() -> GuardedRegex.compile(".*.*zq"))
			.withMessageContaining("too long");
		assertThatIllegalArgumentException().isThrownBy(() -> GuardedRegex.compile(".*.*.*zq"))
			.withMessageContaining("too long");
		assertThatIllegalArgumentException().isThrownBy(() -> GuardedRegex.compile("a".repeat(201)))
			.withMessageContaining("200");
		assertThatIllegalArgumentException().isThrownBy(() -> GuardedRegex.compile("(unclosed"))
			.withMessageContaining("not a valid regular expression");
		assertThat(GuardedRegex.compile("gain[- ]of[- ]function").find("A GAIN-OF-FUNCTION study")).isTrue();
		assertThat(GuardedRegex.compile(".*zq").find("ends in zq")).isTrue();
	}

	@Test
	void aMatchStopsAtItsBudget() {
		GuardedRegex regex = GuardedRegex.compile("\\w+zq").withBudget(10_000);
		assertThatThrownBy(() -> regex.find("a".repeat(1000))).isInstanceOf(GuardedRegex.TooCostly.class);
		assertThat(regex.find("abczq")).isTrue();
	}

	@Test
	void aRuleThatRunsAwayCountsAsNoMatch() {
		TriageRule costly = new TriageRule(UUID.randomUUID(), "costly", TriageRule.Field.TITLE, TriageRule.Kind.REGEX,
				"\\w+zq", TriageRule.Action.FLAG, null, 1, true);
		Rules rules = Rules.of(List.of(costly), 10_000);
		assertThat(rules.apply(new ItemText("a".repeat(1000), "", List.of())).flagged()).isFalse();
		assertThat(rules.apply(new ItemText("abczq", "", List.of())).flagged()).isTrue();
	}

	private static Verdict apply(TriageRule rule) {
		return Rules.of(List.of(rule)).apply(ITEM);
	}

	private static TriageRule rule(String keyword, TriageRule.Field field, TriageRule.Action action) {
		return new TriageRule(UUID.randomUUID(), keyword, field, TriageRule.Kind.KEYWORD, keyword, action, null, 1,
				true);
	}

}
