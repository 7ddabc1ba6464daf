package org.biochemsec2030.publishing.partner;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.platform.events.Outbox;
import org.biochemsec2030.platform.test.Identity;
import org.biochemsec2030.platform.test.Mail;
import org.biochemsec2030.publishing.partner.PartnerCalls.Endpoint;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An endpoint that has failed for days is disabled, and its partner's contact hears of it
 * once, by mail through the SMTP server, read back from the mailbox as the contact would.
 */
@PartnerServiceTest
class PartnerNoticesIT {

	@LocalServerPort
	int port;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEndpointFailingForDaysIsDisabledAndItsContactIsToldOnce() throws Exception {
		String contact = "webhooks-" + UUID.randomUUID() + "@partner.example";
		PartnerCalls.registerDemoPartner(this.jdbc, this.port, contact);
		// Nothing listens there: every attempt is refused.
		String url = "http://127.0.0.1:" + PartnerCalls.freePort() + "/hooks";
		Endpoint endpoint = PartnerCalls.createEndpoint(this.port, url, List.of(), List.of());
		// Days of failures, without waiting days: it has been failing since six days ago.
		this.jdbc.sql("update partner_endpoint set failing_since = now() - interval '6 days' where id = :id")
			.param("id", endpoint.id())
			.update();

		PartnerCalls.publish(this.outbox, this.transactions, "BWC", Map.of());

		Mail.Message notice = Mail.await(contact, m -> m.subject().contains(url), Duration.ofSeconds(90));
		assertThat(notice.subject()).isEqualTo("Webhook endpoint disabled: " + url);
		assertThat(notice.from()).isEqualTo("partners@biochemsec2030.invalid");
		assertThat(notice.text()).contains(url)
			.contains("no delivery succeeded since")
			.contains("PUT https://biochemsec2030.example/api/publishing/partner/v1/endpoints/" + endpoint.id())
			.contains("\"enabled\": true");
		JsonNode shown = PartnerCalls.JSON.readTree(
				PartnerCalls
					.call(this.port, "GET", "/api/publishing/partner/v1/endpoints/" + endpoint.id(),
							Identity.partnerToken(), null)
					.body());
		assertThat(shown.path("enabled").asBoolean()).isFalse();
		assertThat(shown.path("disabledReason").asString()).startsWith("no delivery succeeded since");

		// Disabled, it gets no more attempts, so no more failures and no second notice:
		// a later event waits for it, and the one notice is the only one sent.
		PartnerCalls.publish(this.outbox, this.transactions, "BWC", Map.of());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from partner_notice where sent_at is null")
				.query(Integer.class)
				.single() == 0);
		assertThat(this.jdbc.sql("select count(*) from partner_notice where endpoint_id = :id")
			.param("id", endpoint.id())
			.query(Integer.class)
			.single()).isOne();
		assertThat(Mail.inbox(contact)).hasSize(1);

		// Switched on again by its partner, the endpoint starts afresh: its next failure
		// is the first of a new outage, not a reason to disable it again.
		HttpResponse<String> enabled = PartnerCalls.call(this.port, "PUT",
				"/api/publishing/partner/v1/endpoints/" + endpoint.id(), Identity.partnerToken(),
				Map.of("url", url, "enabled", true));
		assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc
				.sql("select count(*) from partner_attempt a join partner_delivery d on d.id = a.delivery_id"
						+ " where d.endpoint_id = :id")
				.param("id", endpoint.id())
				.query(Integer.class)
				.single() >= 2);
		assertThat(this.jdbc.sql("select enabled from partner_endpoint where id = :id")
			.param("id", endpoint.id())
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jdbc.sql("select count(*) from partner_notice where endpoint_id = :id")
			.param("id", endpoint.id())
			.query(Integer.class)
			.single()).isOne();
	}

}
