package org.biochemsec2030.tracker.publication;

import org.biochemsec2030.platform.taxonomy.Regime;
import org.biochemsec2030.platform.taxonomy.Topic;
import org.biochemsec2030.tracker.assessment.Implication;

import org.springframework.stereotype.Component;

/** Names readers see for stored keys; templates call it as {@code @labels}. */
@Component("labels")
public class Labels {

	public String field(String slug) {
		return Topic.bySlug(slug).map(Topic::label).orElse(slug);
	}

	public String regime(String code) {
		return Regime.byCode(code).map(Regime::label).orElse(code);
	}

	public String implicationLabel(String key) {
		String label = implication(key);
		return (label != null) ? label : key;
	}

	static String implication(String key) {
		for (Implication implication : Implication.values()) {
			if (implication.key().equals(key)) {
				return implication.label();
			}
		}
		return null;
	}

}
