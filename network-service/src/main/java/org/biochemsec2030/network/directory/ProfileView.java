package org.biochemsec2030.network.directory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A profile as its member sees and edits it: every field, who may see each
 * ({@code visibility}: field code to visibility code), and whether it is listed.
 */
public record ProfileView(UUID memberId, String url, String name, String affiliation, String discipline, String country,
		List<String> topics, String bio, String orcid, Map<String, String> visibility, boolean listed,
		Instant updatedAt) {

}
