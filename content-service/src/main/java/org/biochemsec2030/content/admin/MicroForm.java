package org.biochemsec2030.content.admin;

import java.util.List;
import java.util.UUID;

import org.biochemsec2030.content.micro.EditorialMicroPost;
import org.biochemsec2030.content.micro.MicroPostInput;
import org.biochemsec2030.content.support.InvalidInput.FieldProblem;

/**
 * The mini-post form as the browser sends it: the text, the mini-post it answers (its id
 * or its address, as an editor copies it from the site) and topics as repeated checkbox
 * values.
 */
record MicroForm(String text, String replyTo, List<String> topics) implements AdminForms.Form<MicroPostInput> {

	/** The limit of {@link MicroPostInput}, shown beside the field. */
	static final int MAX_LENGTH = 500;

	static MicroForm empty() {
		return new MicroForm("", "", List.of());
	}

	static MicroForm of(EditorialMicroPost post) {
		return new MicroForm(post.text(), (post.replyTo() != null) ? post.replyTo() : "", post.topics());
	}

	@Override
	public MicroPostInput input() {
		return new MicroPostInput(this.text, replyToId(), topicsOrEmpty());
	}

	@Override
	public List<FieldProblem> problems() {
		if (hasReplyTo() && replyToId() == null) {
			return List.of(new FieldProblem("replyTo",
					"give the id or the address (/micro/<id>) of the mini-post this one answers, or leave it empty"));
		}
		return List.of();
	}

	/**
	 * How many characters the text has, as the limit counts them (public: the template
	 * shows it).
	 */
	public int length() {
		return (this.text != null) ? this.text.length() : 0;
	}

	List<String> topicsOrEmpty() {
		return (this.topics != null) ? this.topics : List.of();
	}

	private boolean hasReplyTo() {
		return this.replyTo != null && !this.replyTo.isBlank();
	}

	private UUID replyToId() {
		if (!hasReplyTo()) {
			return null;
		}
		String value = this.replyTo.strip();
		String id = value.substring(value.lastIndexOf('/') + 1);
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
