package org.biochemsec2030.publishing.paper;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * What changed in a version after the first, and why: shown to readers beside the version
 * history.
 *
 * @param what the changes, one item each
 * @param why the reason for the new version
 * @param developments ids of the tracker developments that prompted it
 */
public record ChangeNote(
		@NotEmpty(message = "list what changed, one item each") List<@NotBlank @Size(max = 500) String> what,
		@NotBlank(message = "say why the paper needed a new version") @Size(max = 2000) String why,
		List<@NotBlank @Size(max = 100) String> developments) {

	public ChangeNote {
		developments = (developments != null) ? List.copyOf(developments) : List.of();
		what = (what != null) ? List.copyOf(what) : List.of();
	}

}
