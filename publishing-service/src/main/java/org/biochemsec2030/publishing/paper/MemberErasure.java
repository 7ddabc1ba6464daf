package org.biochemsec2030.publishing.paper;

import java.util.Map;

import org.biochemsec2030.contracts.network.MemberErased;
import org.biochemsec2030.contracts.network.NetworkEvents;
import org.biochemsec2030.platform.events.EventSubscription;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What this service holds about a network member who asked for erasure, removed when
 * network-service says it has erased them ({@code member.erased} on {@code bcs.network}):
 * <ul>
 * <li>as an author of a version not yet published, the entry becomes "Former member",
 * without affiliation, ORCID or member id;</li>
 * <li>as a reviewer, the assignment keeps its recommendation and comments (the editorial
 * record) but loses the name, address, affiliation, member id and the wording of any
 * conflict-of-interest warning, which named an affiliation.</li>
 * </ul>
 * A published version keeps the name printed on it, as journals do: it is the citable
 * record, immutable in the database, and readers and reference managers already hold it.
 * The effect runs in the inbox's transaction, so it happens once per event; running it
 * again changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class MemberErasure {

	static final String GROUP = "publishing-service-erasure";

	static final String FORMER_MEMBER = "Former member";

	static final String ERASED_CONFLICT = "A possible conflict of interest was noted; its details went with the "
			+ "reviewer's personal data.";

	@Bean
	EventSubscription membersToErase(JdbcClient jdbc, JsonMapper json) {
		return new EventSubscription(GROUP, NetworkEvents.TOPIC, event -> {
			if (MemberErased.TYPE.equals(event.type())) {
				// Authors and reviewers are named by the id the publisher gave: the
				// member's account or their network member id; both are erased.
				event.data(json, MemberErased.class).ids().forEach(id -> erase(jdbc, json, id));
			}
		});
	}

	/** Runs in the inbox's transaction (the handler's). */
	private static void erase(JdbcClient jdbc, JsonMapper json, String memberId) {
		// Only unpublished versions: the trigger refuses changes to published ones,
		// and the printed name stays on them by design.
		jdbc.sql("""
				update paper_version set authors = (
				    select jsonb_agg(case when a ->> 'memberId' = :member
				        then jsonb_build_object('name', cast(:former as text)) else a end order by n)
				    from jsonb_array_elements(authors) with ordinality as t(a, n))
				where published_at is null and authors @> cast(:match as jsonb)""")
			.param("member", memberId)
			.param("former", FORMER_MEMBER)
			.param("match", "[" + json.writeValueAsString(Map.of("memberId", memberId)) + "]")
			.update();
		jdbc.sql("""
				update review_assignment set reviewer_id = null, reviewer_name = :former, reviewer_email = null,
				    affiliation = null, conflict = case when conflict is null then null else :conflict end
				where reviewer_id = :member""")
			.param("member", memberId)
			.param("former", FORMER_MEMBER)
			.param("conflict", ERASED_CONFLICT)
			.update();
	}

}
