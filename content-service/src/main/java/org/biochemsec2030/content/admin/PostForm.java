package org.biochemsec2030.content.admin;

import java.util.Arrays;
import java.util.List;

import org.biochemsec2030.content.post.EditorialPost;
import org.biochemsec2030.content.post.PostInput;

/**
 * The post form as the browser sends it: tags as one comma-separated field, topics and
 * regimes as repeated checkbox values, the material-change box absent when unticked. It
 * is shown back as sent when something needs fixing, so nothing typed is lost.
 */
record PostForm(String title, String summary, String body, List<String> topics, List<String> regimes, String tags,
		Boolean materialChange, String correctionNote) {

	static PostForm empty() {
		return new PostForm("", "", "", List.of(), List.of(), "", false, "");
	}

	static PostForm of(EditorialPost post) {
		return new PostForm(post.title(), post.summary(), post.body(), post.topics(), post.regimes(),
				String.join(", ", post.tags()), false, "");
	}

	PostInput input() {
		List<String> tagList = (this.tags != null)
				? Arrays.stream(this.tags.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList()
				: List.of();
		return new PostInput(this.title, this.summary, this.body, null, topicsOrEmpty(), regimesOrEmpty(), tagList,
				null, Boolean.TRUE.equals(this.materialChange), blankToNull(this.correctionNote));
	}

	List<String> topicsOrEmpty() {
		return (this.topics != null) ? this.topics : List.of();
	}

	List<String> regimesOrEmpty() {
		return (this.regimes != null) ? this.regimes : List.of();
	}

	boolean material() {
		return Boolean.TRUE.equals(this.materialChange);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
