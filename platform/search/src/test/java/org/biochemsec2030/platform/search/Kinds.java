package org.biochemsec2030.platform.search;

/** Kinds of page as the services declare them, for tests of the search itself. */
final class Kinds {

	static final DocumentType POST = new DocumentType("post", "Blog post");

	static final DocumentType MICRO = new DocumentType("micro", "Mini-blog post");

	static final DocumentType PAGE = new DocumentType("page", "Page");

	static final DocumentType EVENT = new DocumentType("event", "Network meeting");

	static final DocumentType DEVELOPMENT = new DocumentType("development", "Tracked development");

	static final DocumentType PAPER = new DocumentType("paper", "Briefing paper");

	static final DocumentType MEETING = new DocumentType("meeting", "Treaty meeting");

	private Kinds() {
	}

}
