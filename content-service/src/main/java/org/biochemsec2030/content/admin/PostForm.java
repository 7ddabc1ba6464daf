package org.biochemsec2030.content.admin;

import java.util.Arrays;
import java.util.List;

import org.biochemsec2030.content.post.EditorialPost;
import org.biochemsec2030.content.post.PostInput;
import org.biochemsec2030.content.support.InvalidInput.FieldProblem;

/**
 * The post form as the browser sends it: tags as one comma-separated field, topics and
 * regimes as repeated checkbox values, the material-change box absent when unticked, the
 * cover as the address of an uploaded image (empty for none) with its alt text. It is
 * shown back as sent when something needs fixing, so nothing typed is lost.
 */
record PostForm(String title, String summary, String body, List<String> topics, List<String> regimes, String tags,
		Boolean materialChange, String correctionNote, String coverImage,
		String coverAlt) implements AdminForms.Form<PostInput> {

	static PostForm empty() {
		return new PostForm("", "", "", List.of(), List.of(), "", false, "", "", "");
	}

	static PostForm of(EditorialPost post) {
		PostInput.CoverImage cover = post.coverImage();
		return new PostForm(post.title(), post.summary(), post.body(), post.topics(), post.regimes(),
				String.join(", ", post.tags()), false, "", (cover != null) ? cover.url() : "",
				(cover != null) ? cover.alt() : "");
	}

	@Override
	public PostInput input() {
		List<String> tagList = (this.tags != null)
				? Arrays.stream(this.tags.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList()
				: List.of();
		PostInput.CoverImage cover = hasCover() ? new PostInput.CoverImage(this.coverImage.strip(), this.coverAlt)
				: null;
		return new PostInput(this.title, this.summary, this.body, null, topicsOrEmpty(), regimesOrEmpty(), tagList,
				cover, Boolean.TRUE.equals(this.materialChange), blankToNull(this.correctionNote));
	}

	/** Alt text without an image would be dropped without a word: the editor decides. */
	@Override
	public List<FieldProblem> problems() {
		if (!hasCover() && this.coverAlt != null && !this.coverAlt.isBlank()) {
			return List.of(new FieldProblem("coverAlt",
					"choose the cover image this text describes, or clear the text to have no cover"));
		}
		return List.of();
	}

	/**
	 * The input's field names as the form names them: the cover's two parts are two
	 * fields of the form.
	 */
	static String field(String inputField) {
		return switch (inputField) {
			case "coverImage.alt" -> "coverAlt";
			default -> AdminForms.FIELD.apply(inputField);
		};
	}

	/** Public: the template asks it. */
	public boolean hasCover() {
		return this.coverImage != null && !this.coverImage.isBlank();
	}

	List<String> topicsOrEmpty() {
		return (this.topics != null) ? this.topics : List.of();
	}

	List<String> regimesOrEmpty() {
		return (this.regimes != null) ? this.regimes : List.of();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
