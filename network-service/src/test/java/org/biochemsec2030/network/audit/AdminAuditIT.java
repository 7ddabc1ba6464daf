package org.biochemsec2030.network.audit;

import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.network.Api;
import org.biochemsec2030.network.NetworkServiceTest;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.security.AuditLog;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff read the audit trail newest first, a page at a time, filtered by action. */
@NetworkServiceTest
class AdminAuditIT {

	@LocalServerPort
	int port;

	@Autowired
	AuditLog audit;

	@Test
	void staffPageThroughTheTrailNewestFirstFilteredByAction() {
		String action = "audit-test." + UUID.randomUUID().toString().substring(0, 8);
		Actor coordinator = new Actor("coordinator-id", "coordinator", java.util.List.of("coordinator"));
		for (int i = 0; i < AdminAuditController.PAGE_SIZE + 5; i++) {
			this.audit.record(coordinator, action, "member:" + i, Map.of("n", i));
		}
		this.audit.record(coordinator, "audit-test.other", "member:other", Map.of());
		Api staff = new Api(this.port, "coordinator");

		Document first = Jsoup.parse(staff.page("/admin/network/audit?action=" + action).body());
		assertThat(first.select("#audit tbody tr")).hasSize(AdminAuditController.PAGE_SIZE);
		assertThat(first.selectFirst("#audit tbody tr").text()).contains("coordinator", action,
				"member:" + (AdminAuditController.PAGE_SIZE + 4), "\"n\": " + (AdminAuditController.PAGE_SIZE + 4));
		assertThat(first.text()).doesNotContain("member:other");
		assertThat(first.selectFirst("#action option[selected]").val()).isEqualTo(action);
		assertThat(first.selectFirst("#previous-page")).isNull();
		String next = first.selectFirst("#next-page").attr("href");
		assertThat(next).contains("page=2");

		Document second = Jsoup.parse(staff.page(next).body());
		assertThat(second.select("#audit tbody tr")).hasSize(5);
		assertThat(second.select("#audit tbody tr").last().text()).contains("member:0");
		assertThat(second.selectFirst("#next-page")).isNull();
		assertThat(second.selectFirst("#previous-page")).isNotNull();

		// Every action is offered as a filter; bad filters are said so, not a 500.
		Document all = Jsoup.parse(staff.page("/admin/network/audit").body());
		assertThat(all.select("#action option").eachAttr("value")).contains(action, "audit-test.other");
		Api.Response unknown = staff.page("/admin/network/audit?action=no.such.action");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(Jsoup.parse(unknown.body()).selectFirst(".problem").text()).contains("actions listed");
		assertThat(staff.page("/admin/network/audit?page=zero").status()).isEqualTo(400);

		// Not for members.
		assertThat(new Api(this.port, "member").page("/admin/network/audit").status()).isEqualTo(403);
	}

}
