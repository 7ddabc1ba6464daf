package org.biochemsec2030.tracker.triage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.taxonomy.Taxonomy;
import org.biochemsec2030.platform.taxonomy.Topic;
import org.biochemsec2030.tracker.item.Classifier;
import org.biochemsec2030.tracker.item.ItemText;
import org.biochemsec2030.tracker.item.Verdict;
import org.biochemsec2030.tracker.support.InvalidInput;
import org.biochemsec2030.tracker.support.NotFound;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Triage rules: written by analysts, applied to every new item at ingest, and again to
 * the untriaged ones on request ({@code ItemService.reclassify}).
 */
@Service
public class RuleService implements Classifier {

	static final int MAX_TAG = 50;

	private final RuleRepository rules;

	private final Clock clock;

	RuleService(RuleRepository rules, Clock clock) {
		this.rules = rules;
		this.clock = clock;
	}

	@Transactional
	public TriageRule add(RuleInput input, Actor actor) {
		TriageRule rule = check(input, UUID.randomUUID(), true);
		this.rules.insert(rule, this.clock.instant(), actor.id());
		return rule;
	}

	/**
	 * Rewrites a rule, checked as a new one; items already judged change when the rules
	 * run again.
	 */
	@Transactional
	public TriageRule update(UUID id, RuleInput input) {
		TriageRule current = find(id);
		TriageRule rule = check(input, id, current.enabled());
		this.rules.update(rule);
		return rule;
	}

	@Transactional(readOnly = true)
	public TriageRule find(UUID id) {
		return this.rules.find(id).orElseThrow(() -> new NotFound("No rule " + id));
	}

	private TriageRule check(RuleInput input, UUID id, boolean enabled) {
		List<InvalidInput.FieldProblem> problems = new ArrayList<>();
		String name = (input.name() != null) ? input.name().strip() : "";
		if (name.isEmpty() || name.length() > 100) {
			problems.add(new InvalidInput.FieldProblem("name", "give the rule a name of 1 to 100 characters"));
		}
		TriageRule.Field field = choice(TriageRule.Field.class, input.field(), "field", problems);
		TriageRule.Kind kind = choice(TriageRule.Kind.class, input.kind(), "kind", problems);
		TriageRule.Action action = choice(TriageRule.Action.class, input.action(), "action", problems);
		String value = (input.value() != null && !input.value().isBlank()) ? input.value().strip() : null;
		if (action == TriageRule.Action.TAG && (value == null || value.length() > MAX_TAG)) {
			problems
				.add(new InvalidInput.FieldProblem("value", "give the tag to add, 1 to " + MAX_TAG + " characters"));
		}
		if (action == TriageRule.Action.TOPIC) {
			Optional<Topic> topic = Topic.bySlug(value);
			if (topic.isEmpty()) {
				problems.add(new InvalidInput.FieldProblem("value",
						"'" + Taxonomy.shownValue(value) + "' is not a topic; use one of " + Taxonomy.TOPIC_CHOICES));
			}
			else {
				value = topic.get().slug();
			}
		}
		if (action == TriageRule.Action.DISMISS || action == TriageRule.Action.FLAG) {
			value = null;
		}
		String pattern = (input.pattern() != null) ? input.pattern() : "";
		int position = (input.position() != null) ? input.position() : this.rules.nextPosition();
		TriageRule rule = new TriageRule(id, name, field, kind, pattern, action, value, position, enabled);
		if (kind != null) {
			try {
				Rules.check(rule);
			}
			catch (IllegalArgumentException ex) {
				problems.add(new InvalidInput.FieldProblem("pattern", ex.getMessage()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return rule;
	}

	@Transactional
	public void enable(UUID id, boolean enabled) {
		if (!this.rules.setEnabled(id, enabled)) {
			throw new NotFound("No rule " + id);
		}
	}

	@Transactional
	public void delete(UUID id) {
		if (!this.rules.delete(id)) {
			throw new NotFound("No rule " + id);
		}
	}

	@Transactional(readOnly = true)
	public List<TriageRule> all() {
		return this.rules.all();
	}

	/**
	 * Reads the rules for each item: at the tracker's size (tens of rules) that is
	 * cheaper than keeping a cache in step across replicas.
	 */
	@Override
	public Verdict classify(ItemText text) {
		return Rules.of(this.rules.all()).apply(text);
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String value, String field,
			List<InvalidInput.FieldProblem> problems) {
		String choices = String.join(", ",
				Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
		if (value == null) {
			problems.add(new InvalidInput.FieldProblem(field, "choose one of " + choices));
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new InvalidInput.FieldProblem(field,
					"'" + Taxonomy.shownValue(value) + "' is not one of " + choices));
			return null;
		}
	}

}
