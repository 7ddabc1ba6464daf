package org.biochemsec2030.content.post;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What an editor writes: the text of a new revision. {@code materialChange} and
 * {@code correctionNote} matter for a published post: when the revision goes live, the
 * note is shown to readers.
 */
public record PostInput(
		@NotBlank(message = "give the post a title") @Size(max = 200,
				message = "shorten the title to 200 characters at most") String title,
		@Size(max = 1000, message = "shorten the summary to 1000 characters at most") String summary,
		@NotBlank(message = "write the body of the post (Markdown)") @Size(max = 200_000,
				message = "shorten the body to 200,000 characters at most") String body,
		@Size(max = 10, message = "name at most 10 authors") List<String> authors, List<String> topics,
		List<String> regimes, List<String> tags, @Valid CoverImage coverImage, Boolean materialChange,
		@Size(max = 1000, message = "shorten the correction note to 1000 characters at most") String correctionNote) {

	/**
	 * Whether the editor marked this revision as a material change of a published text.
	 */
	public boolean material() {
		return Boolean.TRUE.equals(this.materialChange);
	}

	/**
	 * A cover image: the address of an image uploaded to this service
	 * ({@code /blog/media/<id>}) and the text that describes it to readers who cannot see
	 * it.
	 */
	public record CoverImage(
			@NotBlank(message = "give the image address") @Size(max = 500,
					message = "use an image address of 500 characters at most") String url,
			@NotBlank(message = "describe the image for readers who cannot see it") @Size(max = 300,
					message = "shorten the alt text to 300 characters at most") String alt) {

	}

}
