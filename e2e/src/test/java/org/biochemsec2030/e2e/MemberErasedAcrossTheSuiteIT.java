package org.biochemsec2030.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.biochemsec2030.platform.test.Engines;
import org.biochemsec2030.platform.test.Identity;
import org.biochemsec2030.platform.test.Mail;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 6 across the running suite: a member who has left traces in every service that
 * keeps anything about members asks for erasure, and within a minute no database of the
 * suite, no search index and not Keycloak holds their account id, member id, address or
 * name any more, while network-service's audit log says the erasure happened. The member
 * chooses the password and asks for erasure in headless Chromium through the gateway
 * (screenshots in target/screenshots); the traces are left through the APIs.
 * <p>
 * content-service is searched too but given nothing: only editors and admins write there,
 * so a member leaves no trace in it.
 */
@Order(5)
class MemberErasedAcrossTheSuiteIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Pattern VERIFY = Pattern.compile("/network/apply/verify\\?token=([A-Za-z0-9_-]+)");

	private static final Pattern ACTION = Pattern.compile("(https?://\\S+/login-actions/action-token\\?\\S+)");

	private SuiteProcesses suite;

	private ChromeDriver browser;

	@Test
	void anErasedMemberIsGoneFromEveryDatabaseSearchAndKeycloak() throws Exception {
		this.suite = RunningSuite.get();
		this.browser = HeadlessChromium.start();
		try {
			journey();
		}
		finally {
			this.browser.quit();
		}
	}

	private void journey() throws Exception {
		this.browser.manage().window().setSize(new Dimension(1280, 1000));
		String run = UUID.randomUUID().toString().substring(0, 8);
		String email = "erasure-" + run + "@example.org";
		String given = "Irene" + run;
		String family = "Joliot" + run;
		String password = "erasure-" + run + "-pw";

		// Apply with every consent, confirm the address from the mailbox, be approved.
		Map<String, Object> application = new LinkedHashMap<>();
		application.put("givenName", given);
		application.put("familyName", family);
		application.put("email", email);
		application.put("affiliation", "Institut du Radium");
		application.put("discipline", "Radiochemistry");
		application.put("careerStage", "senior");
		application.put("country", "FR");
		application.put("interests", List.of("chemical-synthesis"));
		application.put("orcid", "");
		application.put("statement", "Chemist; I want to discuss the CWC's science advisory work.");
		application.put("codeOfConduct", "2026-12-01");
		application.put("consents",
				List.of(Map.of("purpose", "directory", "version", "2026-12-01"),
						Map.of("purpose", "digests", "version", "2026-12-01"),
						Map.of("purpose", "photos", "version", "2026-12-01"),
						Map.of("purpose", "partners", "version", "2026-12-01")));
		assertThat(send("POST", "/api/network/v1/applications", null, application).statusCode()).isEqualTo(202);
		Mail.Message confirm = Mail.await(email, m -> m.subject().startsWith("Confirm your address"),
				Duration.ofSeconds(60));
		Matcher token = VERIFY.matcher(confirm.text());
		assertThat(token.find()).as(confirm.text()).isTrue();
		assertThat(
				send("POST", "/api/network/v1/applications/verify", null, Map.of("token", token.group(1))).statusCode())
			.isEqualTo(200);
		String coordinator = Identity.tokenFor("coordinator");
		HttpResponse<String> queue = send("GET",
				"/api/network/v1/applications?q=" + URLEncoder.encode(family, StandardCharsets.UTF_8), coordinator,
				null);
		Matcher applicationId = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(queue.body());
		assertThat(applicationId.find()).as(queue.body()).isTrue();
		String memberId = applicationId.group(1);
		HttpResponse<String> approved = send("POST", "/api/network/v1/applications/" + memberId + "/approve",
				coordinator, Map.of());
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

		// The password from Keycloak's own mail, as journey 3 chooses it in a browser.
		Mail.Message invitation = Mail.await(email, m -> m.text() != null && m.text().contains("login-actions"),
				Duration.ofSeconds(120));
		Matcher action = ACTION.matcher(invitation.text());
		assertThat(action.find()).as(invitation.text()).isTrue();
		choosePassword(action.group(1), password);
		String member = Identity.tokenFor(email, password);
		String accountId = subject(member);

		// Traces in network-service: a public directory entry (in search), a digest, a
		// place at a meeting.
		HttpResponse<String> profile = send("PUT", "/api/network/v1/me/profile", member,
				Map.of("name", given + " " + family, "bio", "Radiochemistry and verification.", "visibility",
						Map.of("name", "public", "bio", "public"), "listed", true));
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
		assertThat(send("PUT", "/api/network/v1/me/digests", member,
				Map.of("topics", List.of("chemical-synthesis"), "frequency", "weekly"))
			.statusCode()).isEqualTo(200);
		String slug = scheduleMeeting(coordinator, "Erasure journey meeting " + run);
		HttpResponse<String> rsvp = send("POST", "/api/network/v1/meetings/" + slug + "/rsvp", member, null);
		assertThat(rsvp.statusCode()).as(rsvp.body()).isEqualTo(200);

		// In tracker-service: a source suggestion, the form a member posts.
		HttpResponse<String> suggested = HTTP
			.send(HttpRequest.newBuilder(URI.create(this.suite.gateway("/tracker/suggest")))
				.header("Authorization", "Bearer " + member)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("url="
						+ URLEncoder.encode("https://www.opcw.org/media-centre/news", StandardCharsets.UTF_8)
						+ "&reason=" + URLEncoder.encode("The OPCW's own news, often first.", StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(suggested.statusCode()).as(suggested.body()).isIn(200, 302, 303);

		// In publishing-service: a draft paper with the member as an author, named by
		// their account as the admin tool names members.
		Map<String, Object> author = new LinkedHashMap<>();
		author.put("name", given + " " + family);
		author.put("affiliation", "Institut du Radium");
		author.put("memberId", accountId);
		HttpResponse<String> paper = send("POST", "/api/publishing/v1/papers", Identity.tokenFor("publisher"),
				Map.of("title", "Verification of chemical precursors " + run, "abstract", "What changed.", "body",
						"# Findings\n\nText.", "authors", List.of(author, Map.of("name", "Staff Writer"))));
		assertThat(paper.statusCode()).as(paper.body()).isEqualTo(201);

		List<String> personal = List.of(accountId, memberId, email, given, family);
		Awaitility.await("the member's traces, before the erasure")
			.atMost(Duration.ofSeconds(60))
			.until(() -> !traces("tracker", personal).isEmpty() && !traces("publishing", personal).isEmpty()
					&& !searchHits(personal).isEmpty());

		// The member asks for erasure in the browser, signed in through the gateway.
		this.browser.get(this.suite.gateway("/account"));
		Awaitility.await("sign-in or the account page")
			.atMost(Duration.ofSeconds(30))
			.until(() -> !this.browser.findElements(By.id("username")).isEmpty()
					|| this.browser.getCurrentUrl().startsWith(this.suite.gateway("/account")));
		if (!this.browser.findElements(By.id("username")).isEmpty()) {
			this.browser.findElement(By.id("username")).sendKeys(email);
			this.browser.findElement(By.id("password")).sendKeys(password);
			this.browser.findElement(By.id("kc-login")).click();
		}
		Awaitility.await("signed in")
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.browser.getCurrentUrl().startsWith(this.suite.gateway("/account")));
		this.browser.get(this.suite.gateway("/network/me"));
		press(this.browser.findElement(By.id("erase-link")));
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("cannot be undone",
				"account is deleted");
		press(this.browser.findElement(By.id("confirm")));
		HeadlessChromium.save(this.browser, "journey6-confirm-erasure");
		this.browser.manage().window().setSize(new Dimension(1280, 1000));
		press(this.browser.findElement(By.cssSelector("#erase-form button[type='submit']")));
		assertThat(this.browser.findElement(By.id("erased")).getText()).contains("is erased");
		HeadlessChromium.save(this.browser, "journey6-erased");

		Awaitility.await("no trace of the member anywhere")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(() -> {
				for (String service : SuiteProcesses.SERVICES) {
					assertThat(traces(service, personal)).as(service + "'s database").isEmpty();
				}
				assertThat(searchHits(personal)).as("search").isEmpty();
				assertThat(keycloakUsers(email)).as("Keycloak").isEmpty();
			});
		assertThat(auditedErasures(memberId)).isEqualTo(1);
		// And staff read it in the admin tool's audit log: asked of network-service
		// itself,
		// since the gateway lets staff into /admin only with a signed-in session.
		HttpResponse<String> audit = HTTP.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.suite.app("network-service").port()
					+ "/admin/network/audit?action=member.erased"))
			.header("Authorization", "Bearer " + coordinator)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
		assertThat(audit.body()).contains("member:" + memberId).doesNotContain(email, family);
	}

	/** Keycloak's own pages in the member's browser. */
	private void choosePassword(String link, String password) throws IOException {
		this.browser.get(link);
		for (int step = 0; step < 3 && this.browser.findElements(By.id("password-new")).isEmpty(); step++) {
			press(this.browser.findElement(By.cssSelector("a[href*='login-actions']")));
		}
		this.browser.findElement(By.id("password-new")).sendKeys(password);
		this.browser.findElement(By.id("password-confirm")).sendKeys(password);
		press(this.browser.findElement(By.cssSelector("input[type='submit'], button[type='submit']")));
		Awaitility.await("Keycloak's confirmation")
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.browser.findElements(By.id("password-new")).isEmpty());
		HeadlessChromium.save(this.browser, "journey6-password-chosen");
		this.browser.manage().window().setSize(new Dimension(1280, 1000));
	}

	private void press(WebElement element) {
		this.browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		this.browser.executeScript("arguments[0].click()", element);
	}

	private String scheduleMeeting(String coordinator, String title) throws Exception {
		HttpResponse<String> created = send("POST", "/api/network/v1/meetings", coordinator,
				Map.of("title", title, "summary", "Precursor controls.", "agenda", "10:00 Talks", "startsAt",
						"2031-05-06T10:00", "endsAt", "2031-05-06T12:00", "timeZone", "Europe/Paris", "venue",
						"Institut Curie, Paris", "capacity", 20, "topics", List.of("chemical-synthesis")));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JSON.readTree(created.body()).path("slug").asString();
	}

	/**
	 * Where in a service's database any of the values still is: every text, array and
	 * JSON column of every table, as table.column: value. Left out are the events'
	 * plumbing tables, which hold the erasure event itself (it has to name the member for
	 * the services to act), and in network-service the member id where it is the key of
	 * what is left: the emptied member and application rows and the audit log's record of
	 * the erasure.
	 */
	private static List<String> traces(String service, List<String> values) throws SQLException {
		List<String> found = new ArrayList<>();
		try (Connection db = DriverManager.getConnection(Engines.database(service), service, service)) {
			List<String[]> columns = new ArrayList<>();
			try (PreparedStatement statement = db.prepareStatement("""
					select table_name, column_name from information_schema.columns
					 where table_schema = 'public'
					   and data_type in ('text', 'ARRAY', 'jsonb', 'json', 'character varying', 'uuid')
					   and table_name not like 'event\\_%' and table_name not like 'flyway%'
					"""); ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					columns.add(new String[] { rs.getString(1), rs.getString(2) });
				}
			}
			for (String[] column : columns) {
				for (String value : values) {
					String sql = "select count(*) from \"" + column[0] + "\" where position(lower(?) in lower(cast(\""
							+ column[1] + "\" as text))) > 0";
					try (PreparedStatement statement = db.prepareStatement(sql)) {
						statement.setString(1, value);
						try (ResultSet rs = statement.executeQuery()) {
							rs.next();
							if (rs.getLong(1) > 0 && !tombstone(service, column[0], column[1], value, values)) {
								found.add(column[0] + "." + column[1] + ": " + value);
							}
						}
					}
				}
			}
		}
		return found;
	}

	/** network-service keeps the member id as the key of what is not personal. */
	private static boolean tombstone(String service, String table, String column, String value, List<String> values) {
		boolean memberId = value.equals(values.get(1));
		return service.equals("network") && memberId
				&& List
					.of("member.id", "member.email", "application.id", "application.email",
							"account_provisioning.member_id", "audit_log.target")
					.contains(table + "." + column);
	}

	/** The documents of every bcs-* index whose id or source holds any of the values. */
	private static List<String> searchHits(List<String> values) throws Exception {
		HttpResponse<String> all = HTTP
			.send(HttpRequest.newBuilder(URI.create(Engines.elasticsearchUri() + "/bcs-*/_search?size=10000"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\":{\"match_all\":{}}}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
		List<String> found = new ArrayList<>();
		for (JsonNode hit : JSON.readTree(all.body()).path("hits").path("hits")) {
			String text = (hit.path("_id").asString() + " " + hit.path("_source").toString()).toLowerCase();
			for (String value : values) {
				if (text.contains(value.toLowerCase())) {
					found.add(hit.path("_index").asString() + "/" + hit.path("_id").asString() + ": " + value);
				}
			}
		}
		return found;
	}

	private static JsonNode keycloakUsers(String username) throws Exception {
		String admin = Identity.clientToken("network-service", Identity.networkClientSecret());
		HttpResponse<String> users = HTTP.send(HttpRequest
			.newBuilder(URI.create(Identity.keycloakUri() + "/admin/realms/" + Identity.REALM
					+ "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)))
			.header("Authorization", "Bearer " + admin)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
		return JSON.readTree(users.body());
	}

	private static long auditedErasures(String memberId) throws SQLException {
		try (Connection db = DriverManager.getConnection(Engines.database("network"), "network", "network");
				PreparedStatement statement = db
					.prepareStatement("select count(*) from audit_log where action = 'member.erased' and target = ?")) {
			statement.setString(1, "member:" + memberId);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	/** The token's subject: the Keycloak user id the services know the member by. */
	private static String subject(String token) {
		String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
		return JSON.readTree(payload).path("sub").asString();
	}

	private HttpResponse<String> send(String method, String path, String token, Object body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.suite.gateway(path)))
			.header("Accept", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
