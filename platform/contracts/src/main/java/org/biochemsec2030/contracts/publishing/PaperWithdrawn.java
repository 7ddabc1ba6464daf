package org.biochemsec2030.contracts.publishing;

import java.time.Instant;

import org.biochemsec2030.contracts.EventContract;

/**
 * A published paper was withdrawn. Its page stays, with the notice: public data, for
 * partners too.
 */
public record PaperWithdrawn(String paperId, String url, String notice, Instant withdrawnAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.publishing.paper.withdrawn.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return paperId;
	}

}
