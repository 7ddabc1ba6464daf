package org.biochemsec2030.network.directory;

import java.util.List;
import java.util.Map;

/**
 * A profile as its member sends it (the form's fields, or the API's JSON).
 *
 * @param visibility for each field's code ({@code name}, {@code bio}...) who may see it:
 * {@code private}, {@code staff}, {@code members} or {@code public}; a field left out is
 * private
 * @param listed whether the member is in the directory
 */
public record ProfileInput(String name, String affiliation, String discipline, String country, List<String> topics,
		String bio, String orcid, Map<String, String> visibility, Boolean listed) {

	public List<String> topics() {
		return (this.topics != null) ? this.topics : List.of();
	}

	public Map<String, String> visibility() {
		return (this.visibility != null) ? this.visibility : Map.of();
	}

}
