package org.biochemsec2030.content.erasure;

import org.biochemsec2030.contracts.network.MemberErased;
import org.biochemsec2030.contracts.network.NetworkEvents;
import org.biochemsec2030.platform.events.EventSubscription;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What this service holds about a person is who wrote what: the account id and user name
 * on posts, revisions, mini-posts, pages, images and the audit log, and the byline of a
 * post (the writer's user name unless the editor typed others). When network-service says
 * it has erased a member ({@code member.erased} on {@code bcs.network}), each of those
 * becomes {@link #ERASED} / {@link #FORMER_MEMBER}; a byline is rewritten only on posts
 * never published, since a published byline is the public record readers already hold (as
 * with a published paper). Search holds no document about a person here (only posts,
 * mini-posts and pages), so there is nothing to drop from the index.
 * <p>
 * A group of its own rather than the announcements' one: an erasure must not wait behind
 * (or be dead-lettered with) an announcement that fails. The effect runs in the inbox's
 * transaction, so it happens once per event, and running it again changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class MemberErasure {

	static final String GROUP = "content-service-erasure";

	/** What stands in for an erased account id (the columns are not null). */
	static final String ERASED = "erased";

	static final String FORMER_MEMBER = "Former member";

	@Bean
	EventSubscription membersToErase(JdbcClient jdbc, JsonMapper json) {
		return new EventSubscription(GROUP, NetworkEvents.TOPIC, event -> {
			if (MemberErased.TYPE.equals(event.type())) {
				// Staff accounts are known here by their token's subject: the account id.
				// The member id is matched too, as the other services do, for events
				// of members who never had an account.
				event.data(json, MemberErased.class).ids().forEach(id -> erase(jdbc, id));
			}
		});
	}

	/** Runs in the inbox's transaction (the handler's). */
	static void erase(JdbcClient jdbc, String account) {
		// First the bylines, while created_by_name still says which name was theirs.
		jdbc.sql("""
				update post_revision r set authors = array_replace(r.authors, r.created_by_name, :former)
				  from post p
				 where p.id = r.post_id and p.first_published_at is null and r.created_by = :account""")
			.param("former", FORMER_MEMBER)
			.param("account", account)
			.update();
		jdbc.sql("update post_revision set created_by = :erased, created_by_name = :former where created_by = :account")
			.param("erased", ERASED)
			.param("former", FORMER_MEMBER)
			.param("account", account)
			.update();
		jdbc.sql("update post set created_by = ? where created_by = ?").params(ERASED, account).update();
		jdbc.sql("update micro_post set created_by = ? where created_by = ?").params(ERASED, account).update();
		jdbc.sql("update page set updated_by = ? where updated_by = ?").params(ERASED, account).update();
		jdbc.sql("update media set created_by = ? where created_by = ?").params(ERASED, account).update();
		// The audit trail keeps what was done, not by whom.
		jdbc.sql("""
				update audit_log set actor = :erased,
				       detail = jsonb_set(coalesce(detail, '{}'::jsonb), '{by}', to_jsonb(cast(:former as text)))
				 where actor = :account""")
			.param("erased", ERASED)
			.param("former", FORMER_MEMBER)
			.param("account", account)
			.update();
	}

}
