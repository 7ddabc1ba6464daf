package org.biochemsec2030.network.directory;

import java.util.List;
import java.util.UUID;

/**
 * A member as one viewer may see them: a field the member did not show to this viewer is
 * null (or empty), never a placeholder that hints at its value. {@code topics} are the
 * taxonomy's labels.
 */
public record DirectoryEntry(UUID memberId, String url, String name, String affiliation, String discipline,
		String country, String countryName, List<String> topics, String bio, String orcid) {

}
