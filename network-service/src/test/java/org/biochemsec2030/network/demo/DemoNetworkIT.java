package org.biochemsec2030.network.demo;

import java.util.List;
import java.util.Map;

import org.biochemsec2030.network.NetworkServiceTest;
import org.biochemsec2030.network.directory.DirectoryEntry;
import org.biochemsec2030.network.directory.Profiles;
import org.biochemsec2030.network.directory.Visibility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data loads against the real engines (the start-up listener skips it in tests,
 * where other tests' meetings exist): meetings past and coming, applications waiting, and
 * members whose choices of visibility differ.
 */
@NetworkServiceTest
class DemoNetworkIT {

	@Autowired
	DemoNetwork demo;

	@Autowired
	Profiles profiles;

	@Autowired
	JdbcClient jdbc;

	@Test
	void loadsMeetingsApplicationsAndMembersWithMixedVisibility() {
		this.demo.loadAll();

		assertThat(this.jdbc
			.sql("select count(*) from application where email like '%@demo.invalid' and status = 'pending'")
			.query(Long.class)
			.single()).isEqualTo(2);
		List<Map<String, Object>> members = this.jdbc
			.sql("select a.given_name, p.listed from member m join application a on a.id = m.id"
					+ " join profile p on p.member_id = m.id where m.email like '%@demo.invalid' order by a.given_name")
			.query()
			.listOfRows();
		assertThat(members).extracting(row -> row.get("given_name")).containsExactly("Ingrid", "Lucia", "Tariq");
		List<String> seenByMembers = this.profiles.search(null, null, null, null, Visibility.Viewer.MEMBER)
			.stream()
			.map(DirectoryEntry::name)
			.toList();
		assertThat(seenByMembers).contains("Ingrid Solberg", "Tariq Haddad").doesNotContain("Lucia Moreno");
		DirectoryEntry tariq = this.profiles.search("Tariq", null, null, null, Visibility.Viewer.MEMBER).get(0);
		assertThat(tariq.country()).as("shown to staff only").isNull();
		assertThat(this.profiles.search("Tariq", null, null, null, Visibility.Viewer.STAFF).get(0).country())
			.isEqualTo("JO");
		assertThat(this.jdbc.sql("select count(*) from meeting where title = 'Codes of conduct in the laboratory'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
