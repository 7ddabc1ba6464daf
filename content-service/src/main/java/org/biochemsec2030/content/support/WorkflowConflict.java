package org.biochemsec2030.content.support;

/**
 * A workflow step that the item's current state does not allow (publishing a post that is
 * already live with nothing staged, unpublishing a draft...): answered as a 409.
 */
public class WorkflowConflict extends RuntimeException {

	public WorkflowConflict(String message) {
		super(message);
	}

}
