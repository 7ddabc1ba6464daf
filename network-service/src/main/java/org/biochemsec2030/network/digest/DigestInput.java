package org.biochemsec2030.network.digest;

import java.util.List;

/** The digest a member asks for: topics of the taxonomy and a frequency code. */
public record DigestInput(List<String> topics, String frequency) {

	public List<String> topics() {
		return (this.topics != null) ? this.topics : List.of();
	}

}
