package org.biochemsec2030.publishing.paper;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * A paper's text and metadata as staff write it (the working version).
 *
 * @param body Markdown with tables and footnotes ({@code [^1]})
 * @param references CSL-JSON items (each with an {@code id}), formatted by the CSL
 * processor
 * @param referencesBibtex more references as BibTeX entries, read into CSL-JSON items
 * (after {@code references}) by the CSL processor's BibTeX reader
 * @param licence an SPDX identifier; CC-BY-4.0 when left out
 * @param meeting the slug of the treaty meeting the paper is written for
 * @param unDocuments related UN document symbols such as {@code BWC/MSP/2025/3}
 */
public record PaperInput(@NotBlank(message = "give the paper a title") @Size(max = 300) String title,
		@JsonProperty("abstract") @NotBlank(message = "write the abstract") @Size(max = 3000) String abstractText,
		@NotBlank(message = "write the body in Markdown") @Size(max = 200_000) String body,
		@NotEmpty(message = "name at least one author") @Size(max = 30) List<@Valid Author> authors,
		List<String> topics, List<String> regimes, List<@NotBlank @Size(max = 100) String> developments, String licence,
		@Size(max = 100) String meeting, @Size(max = 300) String agendaItem,
		List<@NotBlank @Size(max = 100) String> unDocuments, LocalDate distributionDeadline,
		@Size(max = 200) List<Map<String, Object>> references, @Size(max = 200_000) String referencesBibtex) {

	public PaperInput {
		topics = (topics != null) ? topics : List.of();
		regimes = (regimes != null) ? regimes : List.of();
		developments = (developments != null) ? List.copyOf(developments) : List.of();
		unDocuments = (unDocuments != null) ? List.copyOf(unDocuments) : List.of();
		references = (references != null) ? references : List.of();
	}

}
