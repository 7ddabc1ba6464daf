package org.biochemsec2030.publishing.partner;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import org.biochemsec2030.platform.events.Outbox;
import org.biochemsec2030.platform.test.Identity;
import org.biochemsec2030.platform.test.Mail;
import org.biochemsec2030.publishing.partner.PartnerCalls.Endpoint;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin tool's partner pages as a publisher uses them: plain forms, each carrying the
 * CSRF token the gateway handed over, answered with a redirect to the page that says what
 * happened.
 */
@PartnerServiceTest
class PartnersAdminPagesIT {

	private static final String BASE = "/admin/publishing/partners";

	@LocalServerPort
	int port;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	private final List<String> received = new CopyOnWriteArrayList<>();

	private HttpServer receiver;

	@BeforeEach
	void startReceiverWithNoPartner() throws Exception {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.receiver.createContext("/hooks", exchange -> {
			exchange.getRequestBody().readAllBytes();
			this.received.add(exchange.getRequestHeaders().getFirst("webhook-id"));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.receiver.start();
		this.jdbc.sql("delete from partner").update();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	@Test
	void aPublisherRegistersAPartnerWatchesItsEndpointsAndSwitchesAndRedeliversThem() throws Exception {
		String publisher = Identity.tokenFor("publisher");
		String contact = "hooks-" + UUID.randomUUID() + "@partner.example";

		// A form with a mistake comes back with the message beside the field and
		// everything typed.
		HttpResponse<String> wrong = PartnerCalls.form(this.port, BASE, publisher,
				Map.of("name", "Demo Partner", "contactEmail", "not-an-address", "clientId", "partner-demo"));
		assertThat(wrong.statusCode()).isEqualTo(400);
		Document again = Jsoup.parse(wrong.body());
		assertThat(again.selectFirst("#contactEmail-error").text()).contains("email address");
		assertThat(again.selectFirst("#contactEmail").attr("aria-invalid")).isEqualTo("true");
		assertThat(again.selectFirst("#name").val()).isEqualTo("Demo Partner");

		HttpResponse<String> registered = PartnerCalls.form(this.port, BASE, publisher,
				Map.of("name", "Demo Partner", "contactEmail", contact, "clientId", "partner-demo"));
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);
		String location = registered.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches("/admin/publishing/partners/[0-9a-f-]{36}\\?done=registered");
		String page = location.substring(0, location.indexOf('?'));

		Document list = page(BASE, publisher);
		assertThat(list.select("table.admin-table td a").eachText()).contains("Demo Partner");
		assertThat(list.text()).contains(contact, "when the embargo ends");

		// The partner adds an endpoint with its own client; deliveries show on the page.
		Endpoint endpoint = PartnerCalls.createEndpoint(this.port,
				"http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hooks", List.of(), List.of());
		String event = PartnerCalls.publish(this.outbox, this.transactions, "BWC", Map.of());
		await().atMost(Duration.ofSeconds(60)).until(() -> this.received.contains(event));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> endpointOn(page(page, publisher), endpoint).text().contains("1 delivered"));
		Element shown = endpointOn(page(page, publisher), endpoint);
		assertThat(shown.selectFirst(".health").text()).isEqualTo("Healthy");
		assertThat(shown.select("tbody tr").first().text()).contains(event, "HTTP 204");

		// Trust, then switch the endpoint off (its contact is told) and on again.
		assertThat(PartnerCalls.form(this.port, page + "/trust", publisher, Map.of("trusted", "true")).statusCode())
			.isEqualTo(302);
		assertThat(page(page, publisher).text()).contains("Trusted: this partner receives embargoed events at once.");
		HttpResponse<String> off = PartnerCalls.form(this.port, page + "/endpoints/" + endpoint.id() + "/switch",
				publisher, Map.of("enabled", "false"));
		assertThat(off.statusCode()).isEqualTo(302);
		assertThat(off.headers().firstValue("Location")).contains(page + "?done=disabled");
		assertThat(endpointOn(page(page, publisher), endpoint).selectFirst(".health").text())
			.startsWith("Switched off: switched off by the project's publishers");
		Mail.Message notice = Mail.await(contact, m -> m.subject().startsWith("Webhook endpoint disabled"),
				Duration.ofSeconds(60));
		assertThat(notice.text()).contains("the project's publishers switched it off");
		assertThat(PartnerCalls
			.form(this.port, page + "/endpoints/" + endpoint.id() + "/switch", publisher, Map.of("enabled", "true"))
			.statusCode()).isEqualTo(302);
		assertThat(endpointOn(page(page, publisher), endpoint).selectFirst(".health").text()).isEqualTo("Healthy");

		// A delivery that failed for good (its eight attempts stand in here) is sent
		// again from the page; a time that is not one is explained beside the field.
		this.jdbc.sql("update partner_delivery set status = 'failed', next_attempt_at = null where endpoint_id = :id")
			.param("id", endpoint.id())
			.update();
		HttpResponse<String> badTime = PartnerCalls.form(this.port,
				page + "/endpoints/" + endpoint.id() + "/redeliveries", publisher, Map.of("since", "yesterday"));
		assertThat(badTime.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(badTime.body()).selectFirst("#since-" + endpoint.id() + "-error").text())
			.contains("UTC");
		HttpResponse<String> redelivered = PartnerCalls.form(this.port,
				page + "/endpoints/" + endpoint.id() + "/redeliveries", publisher, Map.of("since", "2020-01-01T00:00"));
		assertThat(redelivered.statusCode()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(60)).until(() -> this.received.stream().filter(event::equals).count() == 2);
	}

	@Test
	void everyFormCarriesTheGatewaysCsrfTokenAndOnlyPublishersAndAdminsGetIn() throws Exception {
		PartnerCalls.registerDemoPartner(this.jdbc, this.port, "webhooks@partner.example");
		PartnerCalls.createEndpoint(this.port, "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hooks",
				List.of(), List.of());
		Document list = page(BASE, Identity.tokenFor("admin"));
		String partnerPage = list.selectFirst("table.admin-table td a").attr("href");
		Document partner = page(partnerPage, Identity.tokenFor("admin"));
		for (Document document : List.of(list, partner)) {
			assertThat(document.select("form[method=post]")).isNotEmpty().allSatisfy(form -> {
				assertThat(form.selectFirst("input[name=_csrf]").val()).isEqualTo(PartnerCalls.CSRF);
			});
			// Plain forms: nothing on the page needs a script.
			assertThat(document.select("script:not([src])")).isEmpty();
		}

		assertThat(PartnerCalls.page(this.port, BASE, Identity.partnerToken()).statusCode()).isEqualTo(403);
		assertThat(PartnerCalls.page(this.port, BASE, Identity.tokenFor("editor")).statusCode()).isEqualTo(403);
		assertThat(PartnerCalls.page(this.port, BASE, null).statusCode()).isEqualTo(401);
		assertThat(PartnerCalls
			.form(this.port, BASE, Identity.tokenFor("editor"),
					Map.of("name", "X", "contactEmail", "x@partner.example", "clientId", "x"))
			.statusCode()).isEqualTo(403);
		assertThat(
				PartnerCalls.page(this.port, BASE + "/" + UUID.randomUUID(), Identity.tokenFor("admin")).statusCode())
			.isEqualTo(404);
		assertThat(PartnerCalls.page(this.port, BASE + "/not-a-partner", Identity.tokenFor("admin")).statusCode())
			.isEqualTo(404);
	}

	private Document page(String path, String token) throws Exception {
		HttpResponse<String> page = PartnerCalls.page(this.port, path, token);
		assertThat(page.statusCode()).as(path + ": " + page.body()).isEqualTo(200);
		return Jsoup.parse(page.body());
	}

	private static Element endpointOn(Document page, Endpoint endpoint) {
		return page.getElementById("endpoint-" + endpoint.id());
	}

}
