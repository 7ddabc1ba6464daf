package org.biochemsec2030.content.page;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A standing page: about, contact, a meeting report. Without a slug one is made from the
 * title; {@code navOrder} places it in the site navigation (absent: not in it).
 */
public record PageInput(
		@Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
				message = "use lower-case letters, digits and single hyphens, e.g. first-meeting-report") @Size(
						max = 80, message = "shorten the slug to 80 characters at most") String slug,
		@NotBlank(message = "give the page a title") @Size(max = 200,
				message = "shorten the title to 200 characters at most") String title,
		@NotBlank(message = "write the body of the page (Markdown)") @Size(max = 200_000,
				message = "shorten the body to 200,000 characters at most") String body,
		@Min(value = 0, message = "use a navigation position of 0 or more, or leave it out") Integer navOrder) {

}
