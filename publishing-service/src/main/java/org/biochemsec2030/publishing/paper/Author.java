package org.biochemsec2030.publishing.paper;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An author as printed on the paper: a member, staff or an external author.
 *
 * @param memberId the network member's user id when the author is one (for erasure)
 */
public record Author(@NotBlank(message = "give the author's name") @Size(max = 200) String name,
		@Size(max = 300) String affiliation, @Pattern(regexp = "\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]",
				message = "write the ORCID iD as 0000-0002-1825-0097") String orcid,
		@Size(max = 100) String memberId) {

}
