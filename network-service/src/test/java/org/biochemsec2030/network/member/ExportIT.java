package org.biochemsec2030.network.member;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.network.Api;
import org.biochemsec2030.network.Members;
import org.biochemsec2030.network.NetworkServiceTest;
import org.biochemsec2030.network.meeting.MeetingInput;
import org.biochemsec2030.network.meeting.MeetingView;
import org.biochemsec2030.network.meeting.Meetings;
import org.biochemsec2030.platform.security.Actor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export holds every personal field: each table of the database is either exported or
 * declared to hold nothing personal, and every column of an exported table is in the
 * export, so a table or a column added later cannot be left out unnoticed.
 */
@NetworkServiceTest
class ExportIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Meetings meetings;

	@Test
	void everyTableOfTheDatabaseIsExportedOrDeclaredToHoldNothingPersonal() {
		List<String> tables = this.jdbc
			.sql("select table_name from information_schema.tables where table_schema = 'public'"
					+ " and table_type = 'BASE TABLE'")
			.query(String.class)
			.list();
		for (String table : tables) {
			assertThat(PersonalData.EXPORTED.containsKey(table) || PersonalData.NOT_PERSONAL.contains(table))
				.as("table " + table + " is neither in the export nor declared to hold nothing personal")
				.isTrue();
		}
		assertThat(tables).containsAll(PersonalData.EXPORTED.keySet());
	}

	@Test
	void theExportOfAMemberHoldsEveryColumnOfEveryExportedTableAndTheirValues() {
		Members.Member member = Members.signedUp(this.port, this.jdbc, "export");
		Api self = Api.bearer(this.port, member.token());
		String bio = "Bio only this test writes " + UUID.randomUUID();
		assertThat(self
			.put("/api/network/v1/me/profile",
					Map.of("name", "Exported " + member.familyName(), "bio", bio, "visibility",
							Map.of("bio", "members"), "listed", true))
			.status()).isEqualTo(200);
		assertThat(self
			.put("/api/network/v1/me/digests", Map.of("topics", List.of("genome-editing"), "frequency", "weekly"))
			.status()).isEqualTo(200);
		this.jdbc.sql("""
				insert into digest_watchlist_alert (watchlist_id, development_id, member_id, title, summary, url,
				                                    published_at, received_at)
				values (?, ?, ?, 'Watched for the export', '', '/tracker/developments/x', now(), now())""")
			.params(UUID.randomUUID().toString(), UUID.randomUUID().toString(), member.id())
			.update();
		MeetingView meeting = this.meetings.schedule(
				new MeetingInput("Export test " + UUID.randomUUID(), null, "A meeting", "", List.of(),
						"2030-10-01T10:00", "2030-10-01T12:00", "Europe/London", "Exeter", null, 5, null, List.of()),
				new Actor("test", "test", List.of("coordinator")));
		assertThat(self.post("/api/network/v1/meetings/" + meeting.slug() + "/rsvp", "{}").status()).isEqualTo(200);

		Api.Response exported = self.get("/api/network/v1/me/export");
		assertThat(exported.status()).as(exported.body()).isEqualTo(200);
		JsonNode export = exported.json();
		for (Map.Entry<String, String> table : PersonalData.EXPORTED.entrySet()) {
			JsonNode section = export.path(table.getValue());
			JsonNode first = section.isArray() ? section.path(0) : section;
			assertThat(first.isObject()).as("the export's " + table.getValue() + " holds a row").isTrue();
			for (String column : columns(table.getKey())) {
				assertThat(first.has(camel(column)))
					.as(table.getKey() + "." + column + " is in the export's " + table.getValue())
					.isTrue();
			}
		}
		assertThat(exported.body()).contains(member.email(), member.givenName(), member.familyName(), bio,
				meeting.title());
		assertThat(
				this.jdbc.sql("select count(*) from audit_log where target = ? and action = 'personal-data.exported'")
					.param("member:" + member.id())
					.query(Long.class)
					.single())
			.isEqualTo(1);

		// Staff find the member in the admin tool; their look at the data is audited too.
		Api coordinator = new Api(this.port, "coordinator");
		assertThat(coordinator.page("/admin/network/members").body()).contains(member.email());
		Api.Response page = coordinator.page("/admin/network/members/" + member.id());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(bio);
		assertThat(
				this.jdbc.sql("select count(*) from audit_log where target = ? and action = 'personal-data.exported'")
					.param("member:" + member.id())
					.query(Long.class)
					.single())
			.isEqualTo(2);
	}

	private List<String> columns(String table) {
		return this.jdbc
			.sql("select column_name from information_schema.columns where table_schema = 'public' and table_name = ?")
			.param(table)
			.query(String.class)
			.list();
	}

	private static String camel(String column) {
		List<String> parts = new ArrayList<>(List.of(column.split("_")));
		StringBuilder name = new StringBuilder(parts.remove(0));
		parts.forEach(p -> name.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1)));
		return name.toString();
	}

}
