package org.biochemsec2030.tracker.item;

/**
 * Judges a new item as it is stored; the triage rules are the implementation. Declared
 * here so that ingestion needs nothing of triage but this.
 */
public interface Classifier {

	Verdict classify(ItemText text);

}
