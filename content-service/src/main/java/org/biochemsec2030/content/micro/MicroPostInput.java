package org.biochemsec2030.content.micro;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A mini-post as an editor writes it: plain text (links and #hashtags become links), an
 * optional mini-post it replies to, and topics of the taxonomy.
 */
public record MicroPostInput(
		@NotBlank(message = "write the text of the mini-post") @Size(max = 500,
				message = "shorten the text to 500 characters at most") String text,
		UUID replyTo, List<String> topics) {

}
