package org.biochemsec2030.content.erasure;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.content.ContentServiceTest;
import org.biochemsec2030.content.micro.MicroPostInput;
import org.biochemsec2030.content.micro.MicroPostService;
import org.biochemsec2030.content.page.PageInput;
import org.biochemsec2030.content.page.PageService;
import org.biochemsec2030.content.post.PostInput;
import org.biochemsec2030.content.post.PostService;
import org.biochemsec2030.contracts.EventType;
import org.biochemsec2030.contracts.network.MemberErased;
import org.biochemsec2030.contracts.network.NetworkEvents;
import org.biochemsec2030.platform.events.Outbox;
import org.biochemsec2030.platform.security.Actor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * network-service's {@code member.erased} (its golden sample, relayed through Kafka on
 * {@code bcs.network}) leaves no trace of the member's account or user name in this
 * service's database, except the byline printed on a published post.
 */
@ContentServiceTest
class MemberErasureIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	PostService posts;

	@Autowired
	MicroPostService micros;

	@Autowired
	PageService pages;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anErasedMembersAccountAndNameAreGoneExceptAPublishedByline() throws Exception {
		String account = UUID.randomUUID().toString();
		String name = "member-" + account.substring(0, 8);
		Actor member = new Actor(account, name, List.of("editor"));
		String suffix = UUID.randomUUID().toString().substring(0, 8);

		UUID draft = UUID.fromString(
				this.posts
					.create(member,
							new PostInput("A draft by a member " + suffix, "Summary.", "Body.", List.of(), List.of(),
									List.of(), List.of(), null, false, null))
					.id());
		UUID published = UUID.fromString(
				this.posts
					.create(member,
							new PostInput("A published post by a member " + suffix, "Summary.", "Body.", List.of(),
									List.of(), List.of(), List.of(), null, false, null))
					.id());
		this.posts.publish(member, published, null);
		UUID micro = UUID
			.fromString(this.micros.create(member, new MicroPostInput("A short note " + suffix, null, List.of())).id());
		this.pages.create(member, new PageInput("erasure-" + suffix, "A page", "Text.", null));
		assertThat(occurrences(account)).isNotEmpty();

		// The same event delivered twice, and a second erasure of the same member: as
		// one.
		UUID first = erase(account);
		UUID second = erase(account);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc
				.sql("select count(*) from event_inbox where consumer = 'content-service-erasure'"
						+ " and event_id in (?, ?)")
				.params(first.toString(), second.toString())
				.query(Long.class)
				.single() == 2);

		assertThat(occurrences(account)).isEmpty();
		// The draft's byline (the writer's user name by default) is no longer theirs; the
		// published post keeps the byline readers already saw.
		assertThat(this.posts.editorial(draft).authors()).containsExactly(MemberErasure.FORMER_MEMBER);
		assertThat(this.posts.editorial(published).authors()).containsExactly(name);
		assertThat(occurrences(name)).containsOnly("post_revision.authors");
		assertThat(this.posts.revisions(draft))
			.allSatisfy(revision -> assertThat(revision.createdBy()).isEqualTo(MemberErasure.FORMER_MEMBER));
		assertThat(this.micros.editorial(micro).text()).contains(suffix);
	}

	/**
	 * Every table.column of the database whose text holds the value, but for the events'
	 * plumbing, which here holds the erasure event itself.
	 */
	private List<String> occurrences(String value) {
		List<Map<String, Object>> columns = this.jdbc.sql("""
				select table_name, column_name from information_schema.columns
				 where table_schema = 'public' and data_type in ('text', 'ARRAY', 'jsonb', 'character varying')
				   and table_name not like 'event\\_%'
				""").query().listOfRows();
		List<String> found = new ArrayList<>();
		for (Map<String, Object> column : columns) {
			Long count = this.jdbc
				.sql("select count(*) from \"" + column.get("table_name") + "\" where cast(\""
						+ column.get("column_name") + "\" as text) like ?")
				.param("%" + value + "%")
				.query(Long.class)
				.single();
			if (count > 0) {
				found.add(column.get("table_name") + "." + column.get("column_name"));
			}
		}
		return found;
	}

	/**
	 * The golden sample of the contract, for this account, as network-service writes it.
	 */
	@SuppressWarnings("unchecked")
	private UUID erase(String account) throws Exception {
		EventType type = NetworkEvents.ALL.stream()
			.filter(t -> t.type().equals(MemberErased.TYPE))
			.findFirst()
			.orElseThrow();
		Map<String, Object> data;
		try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(type.goldenResource())) {
			data = new LinkedHashMap<>(JSON.readValue(in.readAllBytes(), Map.class));
		}
		data.put("memberId", UUID.randomUUID().toString());
		data.put("accountId", account);
		return this.transactions
			.execute(status -> this.outbox.append(NetworkEvents.TOPIC, MemberErased.TYPE, account, data));
	}

}
