package org.biochemsec2030.e2e;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.biochemsec2030.platform.test.Identity;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 5 in a real browser, through the gateway of the running suite: a publisher
 * writes a briefing paper in the admin tool for a treaty meeting, takes it through a
 * review round, the dual-use review and publication; readers then find its page, the
 * meeting's page and the site search, download the PDF (read with PDFBox, its first page
 * rendered beside the screenshots), the BibTeX (read back by an independent parser) and
 * the meeting pack; a partner subscribed beforehand receives the signed
 * {@code paper.published} webhook on an endpoint this test serves on the loopback
 * address. Screenshots of each step go to target/screenshots.
 */
@Order(5)
class PublisherPublishesInTheBrowserIT {

	private static final String PAPER_PUBLISHED = "org.biochemsec2030.publishing.paper.published.v1";

	private static final Path SCREENSHOTS = Path.of(System.getProperty("bcs.e2e.screenshots", "target/screenshots"));

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private SuiteProcesses suite;

	private ChromeDriver browser;

	/** A webhook delivery as the partner's endpoint received it. */
	record Delivery(String id, String timestamp, String signature, String body) {

	}

	@Test
	void aPublisherTakesAPaperToPublicationThatReadersAndAPartnerThenGet() throws Exception {
		this.suite = RunningSuite.get();
		// A word no other page has, so search and the lists find exactly this paper.
		String marker = "zqp" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
		String title = "Gene synthesis screening " + marker;
		String meeting = "bwc-msp-" + marker;
		createMeeting(meeting);

		Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
		HttpServer partner = receive(deliveries);
		this.browser = HeadlessChromium.start();
		try {
			String secret = subscribe("http://127.0.0.1:" + partner.getAddress().getPort() + "/hooks/" + marker);
			Published paper = publisherPublishes(title, marker, meeting);
			readersFind(title, marker, meeting, paper);
			partnerReceives(deliveries, secret, paper.slug());
		}
		finally {
			this.browser.quit();
			partner.stop(0);
		}
	}

	record Published(String slug, int series) {

	}

	private Published publisherPublishes(String title, String marker, String meeting) throws IOException {
		this.browser.manage().window().setSize(new Dimension(1280, 1000));
		signIn("/admin/publishing/papers", "publisher");
		submit(this.browser.findElement(By.id("new-paper")));

		// The paper, written in the form.
		this.browser.findElement(By.id("title")).sendKeys(title);
		this.browser.findElement(By.id("abstract"))
			.sendKeys("What screening of synthetic DNA orders " + marker + " offers the BWC's S&T review.");
		this.browser.findElement(By.id("author-0-name")).sendKeys("Ada Lovelace");
		this.browser.findElement(By.id("author-0-affiliation")).sendKeys("University of Bath");
		this.browser.findElement(By.id("author-0-orcid")).sendKeys("0000-0002-1825-0097");
		this.browser.findElement(By.id("author-1-name")).sendKeys("Grace Hopper");
		this.browser.findElement(By.id("body"))
			.sendKeys("## Why screening matters\n\nProviders screen orders against sequences of concern.[^1]\n\n"
					+ "| Measure | Regime |\n|---|---|\n| Screening | BWC Article IV |\n\n"
					+ "[^1]: International Gene Synthesis Consortium, Harmonized Screening Protocol v3.\n");
		this.browser.findElement(By.id("referencesBibtex"))
			.sendKeys("@techreport{igsc2024,\n  author = {{International Gene Synthesis Consortium}},\n"
					+ "  title = {Harmonized Screening Protocol v3},\n  year = {2024}\n}\n");
		press(this.browser.findElement(By.cssSelector("input[name='topics'][value='synthetic-biology']")));
		press(this.browser.findElement(By.cssSelector("input[name='regimes'][value='BWC']")));
		choose("meeting", meeting);
		this.browser.findElement(By.id("agendaItem")).sendKeys("Item 6: review of developments in S&T");
		this.browser.findElement(By.id("unDocuments")).sendKeys("BWC/MSP/2026/3");
		HeadlessChromium.save(this.browser, "journey5-writes");
		this.browser.manage().window().setSize(new Dimension(1280, 1000));
		submit(this.browser.findElement(By.cssSelector("#paper-form button[type='submit']")));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
		assertThat(state()).isEqualTo("Draft");

		// Submitted, and a review round with one reviewer, whose review is recorded.
		step("Submit");
		step("Open a review round");
		this.browser.findElement(By.id("assign-name")).sendKeys("Rosalind Franklin");
		this.browser.findElement(By.id("assign-affiliation")).sendKeys("King's College London");
		setValue("assign-dueOn", LocalDate.now(ZoneOffset.UTC).plusDays(14).toString());
		submit(this.browser.findElement(By.cssSelector("#assign button[type='submit']")));
		WebElement assignment = this.browser.findElement(By.cssSelector(".assignment"));
		assertThat(assignment.getText()).contains("Rosalind Franklin");
		String recommendation = this.browser.findElement(By.cssSelector(".assignment select")).getDomAttribute("id");
		choose(recommendation, "ACCEPT");
		this.browser.findElement(By.cssSelector(".assignment textarea")).sendKeys("Clear and useful for delegates.");
		HeadlessChromium.save(this.browser, "journey5-review");
		this.browser.manage().window().setSize(new Dimension(1280, 1000));
		step("Record the review");
		assertThat(this.browser.findElement(By.cssSelector(".assignment .recommendation")).getText())
			.startsWith("ACCEPT");

		// Approved, cleared by the dual-use review with its rationale, and published.
		step("Approve this version");
		choose("dualuse-decision", "CLEAR");
		this.browser.findElement(By.id("dualuse-rationale"))
			.sendKeys("Describes policy measures only; no protocol or sequence detail.");
		step("Record the decision");
		assertThat(state()).isEqualTo("Cleared by the dual-use review");
		step("Publish now");
		assertThat(state()).isEqualTo("Published");
		HeadlessChromium.save(this.browser, "journey5-published");
		this.browser.manage().window().setSize(new Dimension(1280, 1000));
		String online = this.browser.findElement(By.xpath("//dt[.='Online']/following-sibling::dd[1]")).getText();
		int series = Integer
			.parseInt(this.browser.findElement(By.xpath("//dt[.='Series number']/following-sibling::dd[1]")).getText());
		return new Published(online.substring("/papers/".length()), series);
	}

	private void readersFind(String title, String marker, String meeting, Published paper) throws Exception {
		this.browser.get(this.suite.gateway("/papers/" + paper.slug()));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
		assertThat(this.browser.getPageSource()).contains("Ada Lovelace", "Providers screen orders",
				"Harmonized Screening Protocol v3");
		HeadlessChromium.save(this.browser, "journey5-paper-page");
		this.browser.manage().window().setSize(new Dimension(1280, 1000));

		this.browser.get(this.suite.gateway("/meetings/" + meeting));
		assertThat(this.browser.getPageSource()).contains(title);
		HeadlessChromium.save(this.browser, "journey5-meeting-page");
		this.browser.manage().window().setSize(new Dimension(1280, 1000));

		Awaitility.await("the paper in the site search")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> {
				this.browser.get(this.suite.gateway("/search?q=" + marker));
				return this.browser.getPageSource().contains(title);
			});
		HeadlessChromium.save(this.browser, "journey5-search");

		// The PDF: its text names the paper, its licence and its place in the series; its
		// first page is kept as an image with the screenshots.
		try (PDDocument pdf = Loader.loadPDF(bytes("/papers/" + paper.slug() + "/paper.pdf"))) {
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains(title)
				.contains("Briefing Paper No. " + paper.series())
				.contains("Creative Commons Attribution 4.0 International");
			BufferedImage cover = new PDFRenderer(pdf).renderImageWithDPI(0, 110);
			Files.createDirectories(SCREENSHOTS);
			assertThat(ImageIO.write(cover, "png", SCREENSHOTS.resolve("journey5-pdf-page1.png").toFile())).isTrue();
		}

		// The BibTeX, read back by a parser of its own.
		String bib = new String(bytes("/papers/" + paper.slug() + "/cite.bib"), StandardCharsets.UTF_8);
		BibTeXDatabase database = new BibTeXParser().parse(new StringReader(bib));
		assertThat(database.getEntries()).hasSize(1);
		BibTeXEntry entry = database.getEntries().values().iterator().next();
		assertThat(entry.getType().getValue()).isEqualToIgnoringCase("techreport");
		assertThat(entry.getField(BibTeXEntry.KEY_TITLE).toUserString()).contains(title);
		assertThat(entry.getField(BibTeXEntry.KEY_AUTHOR).toUserString()).contains("Lovelace", "Hopper");
		assertThat(entry.getField(BibTeXEntry.KEY_NUMBER).toUserString()).isEqualTo(Integer.toString(paper.series()));

		// The delegates' pack for the meeting holds the paper.
		try (PDDocument pack = Loader.loadPDF(bytes("/meetings/" + meeting + "/pack.pdf"))) {
			assertThat(new PDFTextStripper().getText(pack).replaceAll("\\s+", " ")).contains(title);
		}
	}

	/**
	 * The partner's endpoint gets the paper's first publication, signed with the secret
	 * it was given (Standard Webhooks: HMAC-SHA256 over id, timestamp and body).
	 */
	private void partnerReceives(Queue<Delivery> deliveries, String secret, String slug) {
		Awaitility.await("the paper.published webhook")
			.atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> deliveries.stream().anyMatch(d -> d.body().contains("/papers/" + slug)));
		Delivery delivery = deliveries.stream().filter(d -> d.body().contains("/papers/" + slug)).findFirst().get();
		assertThat(delivery.body()).contains("\"type\":\"" + PAPER_PUBLISHED + "\"");
		assertThat(delivery.signature().split(" ")).contains("v1," + sign(secret, delivery));
	}

	/** A treaty meeting for the paper, written through the API as a publisher may. */
	private void createMeeting(String slug) throws Exception {
		HttpResponse<String> saved = api("PUT", "/api/publishing/v1/meetings", Identity.tokenFor("publisher"),
				"{\"slug\":\"" + slug + "\",\"name\":\"Meeting of States Parties to the BWC (" + slug + ")\","
						+ "\"regime\":\"BWC\",\"startsOn\":\"2026-12-14\",\"endsOn\":\"2026-12-16\","
						+ "\"place\":\"Geneva\"}");
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
	}

	/**
	 * The demo partner registered by a publisher (once: the suite's database may have it
	 * from an earlier run), then an endpoint for paper.published; answers its secret.
	 */
	private String subscribe(String url) throws Exception {
		String publisher = Identity.tokenFor("publisher");
		HttpResponse<String> partners = api("GET", "/api/publishing/v1/partners", publisher, null);
		assertThat(partners.statusCode()).as(partners.body()).isEqualTo(200);
		if (!partners.body().contains("\"partner-demo\"")) {
			HttpResponse<String> registered = api("POST", "/api/publishing/v1/partners", publisher,
					"{\"name\":\"Demo Partner\",\"contactEmail\":\"partners@partner.example\","
							+ "\"clientId\":\"partner-demo\"}");
			assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		}
		HttpResponse<String> created = api("POST", "/api/publishing/partner/v1/endpoints", Identity.partnerToken(),
				"{\"url\":\"" + url + "\",\"description\":\"Journey 5\",\"types\":[\"" + PAPER_PUBLISHED + "\"]}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		java.util.regex.Matcher secret = java.util.regex.Pattern.compile("\"secret\"\\s*:\\s*\"(whsec_[^\"]+)\"")
			.matcher(created.body());
		assertThat(secret.find()).as(created.body()).isTrue();
		return secret.group(1);
	}

	/** The partner's webhook endpoint on the loopback address: takes every delivery. */
	private static HttpServer receive(Queue<Delivery> deliveries) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/hooks/", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"),
					exchange.getRequestHeaders().getFirst("webhook-timestamp"),
					exchange.getRequestHeaders().getFirst("webhook-signature"),
					new String(body, StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
		return server;
	}

	private static String sign(String secret, Delivery delivery) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
			byte[] signed = (delivery.id() + "." + delivery.timestamp() + "." + delivery.body())
				.getBytes(StandardCharsets.UTF_8);
			return Base64.getEncoder().encodeToString(mac.doFinal(signed));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> api(String method, String path, String token, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.suite.gateway(path)))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method,
				(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private byte[] bytes(String path) throws Exception {
		HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(this.suite.gateway(path))).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private String state() {
		return this.browser.findElement(By.id("state")).getText();
	}

	/** Presses the paper page's button for a workflow step. */
	private void step(String button) {
		List<WebElement> buttons = this.browser.findElements(By.xpath("//button[normalize-space()='" + button + "']"));
		assertThat(buttons).as("a '%s' button on %s", button, this.browser.getCurrentUrl()).isNotEmpty();
		submit(buttons.get(0));
		assertThat(this.browser.findElements(By.cssSelector("p.problem"))).as("problems after '%s'", button).isEmpty();
	}

	private void signIn(String path, String user) {
		this.browser.get(this.suite.gateway(path));
		this.browser.findElement(By.id("username")).sendKeys(user);
		this.browser.findElement(By.id("password")).sendKeys("demo-" + user);
		this.browser.findElement(By.id("kc-login")).click();
		Awaitility.await("back at " + path)
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.browser.getCurrentUrl().startsWith(this.suite.gateway(path)));
	}

	/** Picks an option of a select list, as a person picking it would. */
	private void choose(String id, String value) {
		press(this.browser.findElement(By.cssSelector("select[id='" + id + "'] option[value='" + value + "']")));
		assertThat(this.browser.findElement(By.id(id)).getDomProperty("value")).isEqualTo(value);
	}

	/**
	 * Sets a date field: what a date picker takes from the keyboard depends on the
	 * browser's locale, the value it sends does not.
	 */
	private void setValue(String id, String value) {
		WebElement field = this.browser.findElement(By.id(id));
		this.browser.executeScript("arguments[0].value = arguments[1]", field, value);
		assertThat(field.getDomProperty("value")).isEqualTo(value);
	}

	/**
	 * Presses a button that sends a form, and waits until the next page has replaced this
	 * one: looking for an element at once could find it on the page being left.
	 */
	private void submit(WebElement button) {
		WebElement page = this.browser.findElement(By.tagName("html"));
		press(button);
		Awaitility.await("the page after the form").atMost(Duration.ofSeconds(60)).until(() -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException replaced) {
				return true;
			}
		});
	}

	/** Clicks like a person: scrolled into view first. */
	private void press(WebElement element) {
		this.browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		try {
			element.click();
		}
		catch (ElementClickInterceptedException covered) {
			this.browser.executeScript("arguments[0].click()", element);
		}
	}

}
