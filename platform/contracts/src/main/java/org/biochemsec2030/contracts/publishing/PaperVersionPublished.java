package org.biochemsec2030.contracts.publishing;

import java.time.Instant;
import java.util.List;

import org.biochemsec2030.contracts.EventContract;

/**
 * A version of a paper became public (every version, the first included), with the note
 * on what changed and why for versions after the first. Public data, for partners too.
 *
 * @param url the version's own address, e.g. /papers/some-paper/v2
 * @param changes what changed (empty for the first version)
 * @param reason why (empty for the first version)
 */
public record PaperVersionPublished(String paperId, int version, String title, String url, String series,
		List<String> changes, String reason, Instant publishedAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.publishing.version.published.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return paperId;
	}

}
