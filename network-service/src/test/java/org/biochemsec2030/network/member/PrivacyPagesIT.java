package org.biochemsec2030.network.member;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.network.Api;
import org.biochemsec2030.network.Members;
import org.biochemsec2030.network.NetworkServiceTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's privacy choices on the profile page: each consent withdrawn and given again
 * (the ledger keeps every row, with the text version, when and how), and erasure behind a
 * confirmation step, safe to send twice.
 */
@NetworkServiceTest
class PrivacyPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachConsentIsWithdrawnAndGivenAgainFromTheProfilePage() {
		Members.Member member = Members.signedUp(this.port, this.jdbc, "consents");
		Api self = Api.bearer(this.port, member.token());
		Document page = Jsoup.parse(self.page("/network/me").body());
		assertThat(page.select("#consent-list tbody tr")).hasSize(4);
		// The application gave directory and digests, not photos nor partners.
		assertThat(page.selectFirst("#consent-digests").text()).contains("Given", "application", "2026-12-01");
		assertThat(page.selectFirst("#consent-photos").text()).contains("Not given");

		for (String purpose : List.of("photos", "partners")) {
			assertThat(consent(self, purpose, "give").header("Location"))
				.endsWith("/network/me?consent=given#consents");
			assertThat(consent(self, purpose, "withdraw").status()).isEqualTo(302);
			assertThat(consent(self, purpose, "give").status()).isEqualTo(302);
			// The same form sent again changes nothing.
			assertThat(consent(self, purpose, "give").status()).isEqualTo(302);
			List<Map<String, Object>> rows = ledger(member.id(), purpose);
			assertThat(rows).hasSize(2);
			assertThat(rows).allSatisfy(row -> {
				assertThat(row.get("text_version")).isEqualTo("2026-12-01");
				assertThat(row.get("given_how")).isEqualTo(ConsentChoices.HOW);
			});
			assertThat(rows.get(0).get("withdrawn_at")).isNotNull();
			assertThat(rows.get(1).get("withdrawn_at")).isNull();
		}

		// The directory: withdrawing unlists, giving lists again.
		assertThat(consent(self, "directory", "withdraw").status()).isEqualTo(302);
		assertThat(listed(member.id())).isFalse();
		assertThat(consent(self, "directory", "give").status()).isEqualTo(302);
		assertThat(listed(member.id())).isTrue();
		assertThat(ledger(member.id(), "directory")).last().satisfies(row -> {
			assertThat(row.get("given_how")).isEqualTo(ConsentChoices.HOW);
			assertThat(row.get("withdrawn_at")).isNull();
		});

		// Digests: withdrawing ends the digest.
		assertThat(self
			.put("/api/network/v1/me/digests", Map.of("topics", List.of("synthetic-biology"), "frequency", "weekly"))
			.status()).isEqualTo(200);
		assertThat(consent(self, "digests", "withdraw").status()).isEqualTo(302);
		assertThat(this.jdbc.sql("select count(*) from digest_subscription where member_id = ?")
			.param(member.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(ledger(member.id(), "digests")).allSatisfy(row -> assertThat(row.get("withdrawn_at")).isNotNull());

		Document after = Jsoup.parse(self.page("/network/me?consent=withdrawn").body());
		assertThat(after.selectFirst("#consent-saved").text()).contains("withdrawn");
		assertThat(after.selectFirst("#consent-digests").text()).contains("Withdrawn");
		assertThat(after.selectFirst("#consent-digests button").text()).isEqualTo("Give");
		assertThat(after.selectFirst("#consent-photos button").text()).isEqualTo("Withdraw");
		assertThat(this.jdbc
			.sql("select count(*) from audit_log where target = ? and action in ('consent.given', 'consent.withdrawn')")
			.param("member:" + member.id())
			.query(Long.class)
			.single()).isEqualTo(9);

		// A hand-made request with an unknown purpose: refused, nothing recorded.
		assertThat(consent(self, "newsletter", "give").status()).isEqualTo(400);
		assertThat(consent(self, "photos", "maybe").status()).isEqualTo(400);
	}

	@Test
	void erasureAsksForConfirmationAndASecondSubmissionLandsOnTheSamePage() {
		Members.Member member = Members.signedUp(this.port, this.jdbc, "erase-page");
		Api self = Api.bearer(this.port, member.token());
		Document profile = Jsoup.parse(self.page("/network/me").body());
		assertThat(profile.selectFirst("#erase-link").attr("href")).isEqualTo("/network/me/erase");
		Document confirm = Jsoup.parse(self.page("/network/me/erase").body());
		assertThat(confirm.selectFirst("#erase-effects").text()).contains("account is deleted", "Former member");
		assertThat(confirm.selectFirst("#erase-form input[name=member]").val()).isEqualTo(member.id().toString());

		// Not confirmed: the page again with the message beside the box, nothing erased.
		Api.Response unconfirmed = self.form("/network/me/erase", List.of(Map.entry("member", member.id().toString())));
		assertThat(unconfirmed.status()).isEqualTo(400);
		assertThat(Jsoup.parse(unconfirmed.body()).selectFirst("#confirm-error").text()).contains("Tick the box");
		assertThat(status(member.id())).isEqualTo("active");

		List<Map.Entry<String, String>> confirmed = List.of(Map.entry("member", member.id().toString()),
				Map.entry("confirm", "yes"));
		Api.Response erased = self.form("/network/me/erase", confirmed);
		assertThat(erased.status()).isEqualTo(302);
		assertThat(erased.header("Location")).endsWith("/network/erased");
		assertThat(status(member.id())).isEqualTo("erased");
		assertThat(
				this.jdbc.sql("select email from member where id = ?").param(member.id()).query(String.class).single())
			.doesNotContain(member.email());
		// Sent again (a double click): the same page, no error.
		Api.Response again = self.form("/network/me/erase", confirmed);
		assertThat(again.status()).isEqualTo(302);
		assertThat(again.header("Location")).endsWith("/network/erased");
		assertThat(Jsoup.parse(self.page("/network/erased").body()).selectFirst("#erased").text())
			.contains("is erased");
		// Someone else's id in a hand-made form shows nothing about that member.
		assertThat(self
			.form("/network/me/erase",
					List.of(Map.entry("member", UUID.randomUUID().toString()), Map.entry("confirm", "yes")))
			.status()).isEqualTo(404);
	}

	private Api.Response consent(Api self, String purpose, String action) {
		return self.form("/network/me/consents", List.of(Map.entry("purpose", purpose), Map.entry("action", action)));
	}

	private List<Map<String, Object>> ledger(UUID member, String purpose) {
		return this.jdbc
			.sql("select text_version, given_how, withdrawn_at from consent where subject_id = ? and purpose = ?"
					+ " order by id")
			.params(member, purpose)
			.query()
			.listOfRows();
	}

	private boolean listed(UUID member) {
		return this.jdbc.sql("select listed from profile where member_id = ?")
			.param(member)
			.query(Boolean.class)
			.single();
	}

	private String status(UUID member) {
		return this.jdbc.sql("select status from member where id = ?").param(member).query(String.class).single();
	}

}
