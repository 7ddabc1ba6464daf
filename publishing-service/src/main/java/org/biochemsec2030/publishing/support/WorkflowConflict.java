package org.biochemsec2030.publishing.support;

/** A step the paper's current state does not allow: answered as a 409. */
public class WorkflowConflict extends RuntimeException {

	public WorkflowConflict(String message) {
		super(message);
	}

}
