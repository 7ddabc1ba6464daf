package org.biochemsec2030.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
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
 * Journey 4 in a real browser, through the gateway of the running suite: an analyst adds
 * a source (a feed this test serves on the loopback address), polls it, triages the item
 * it brought into a development, assesses it and publishes it; readers then find it on
 * /tracker, on its own page, counted in the trends table and in the site search, and an
 * editor finds content-service's draft mini-post announcing it. Screenshots of each step
 * go to target/screenshots.
 */
@Order(4)
class AnalystPublishesADevelopmentInTheBrowserIT {

	private static final String FIELD = "synthetic-biology";

	private static final String FIELD_LABEL = "Synthetic biology";

	private SuiteProcesses suite;

	private ChromeDriver browser;

	@Test
	void anAnalystTriagesAssessesAndPublishesAnItemThatReadersAndEditorsThenFind() throws Exception {
		this.suite = RunningSuite.get();
		// A word no other page has, so search and the admin lists find exactly this one.
		String marker = "zqt" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
		String title = "Cell-free expression kits " + marker + " reach teaching labs";
		ZonedDateTime reported = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
		HttpServer feeds = serve(marker, title, reported);
		this.browser = HeadlessChromium.start();
		try {
			String feedUrl = "http://127.0.0.1:" + feeds.getAddress().getPort() + "/feeds/" + marker + ".xml";
			String slug = analystPublishes(marker, title, feedUrl);
			readersFind(marker, title, slug, reported);
		}
		finally {
			this.browser.quit();
			feeds.stop(0);
		}
		editorFindsTheDraftAnnouncement(marker);
	}

	private String analystPublishes(String marker, String title, String feedUrl) throws IOException {
		this.browser.manage().window().setSize(new Dimension(1280, 1000));
		signIn("/admin/tracker", "analyst");

		// A source: the feed served above.
		this.browser.findElement(By.id("name")).sendKeys("Teaching lab news " + marker);
		this.browser.findElement(By.id("url")).sendKeys(feedUrl);
		submit(this.browser.findElement(By.cssSelector("#source-form button[type='submit']")));
		WebElement source = this.browser.findElement(By.xpath("//tr[th//small[normalize-space()='" + feedUrl + "']]"));
		submit(source.findElement(By.xpath(".//button[normalize-space()='Poll now']")));
		WebElement polled = this.browser.findElement(By.xpath("//tr[th//small[normalize-space()='" + feedUrl + "']]"));
		assertThat(polled.getText()).as("the source's health after a poll").contains("Healthy");
		assertThat(polled.findElements(By.tagName("td")).get(3).getText()).as("items seen").isEqualTo("1");
		HeadlessChromium.save(this.browser, "journey4-source-polled");
		this.browser.manage().window().setSize(new Dimension(1280, 1000));

		// Triage: the item is in the queue; promote it into a development.
		this.browser.get(this.suite.gateway("/admin/tracker/queue?status=new&q=" + marker));
		WebElement item = this.browser.findElement(By.xpath("//tr[th/a[normalize-space()='" + title + "']]"));
		assertThat(item.getText()).contains("Teaching lab news " + marker);
		press(item.findElement(By.cssSelector("input[name='itemId']")));
		HeadlessChromium.save(this.browser, "journey4-triage-queue");
		this.browser.manage().window().setSize(new Dimension(1280, 1000));
		submit(this.browser.findElement(By.cssSelector("#promote-form button[type='submit']")));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);

		// Assess it.
		choose("field", FIELD);
		press(this.browser.findElement(By.cssSelector("input[name='provisions'][value='BWC-I']")));
		press(this.browser.findElement(By.cssSelector("input[name='provisions'][value='BWC-X']")));
		press(this.browser.findElement(By.cssSelector("input[name='implications'][value='governance-need']")));
		this.browser.findElement(By.id("trl")).sendKeys("6");
		this.browser.findElement(By.id("likelihood")).sendKeys("3");
		this.browser.findElement(By.id("impact")).sendKeys("2");
		choose("confidence", "medium");
		this.browser.findElement(By.id("softMeasures")).sendKeys("Awareness material for teaching labs");
		this.browser.findElement(By.id("rationale"))
			.sendKeys("Kits lower the skill needed; no change in what they can make.");
		HeadlessChromium.save(this.browser, "journey4-assessment-form");
		this.browser.manage().window().setSize(new Dimension(1280, 1000));
		submit(this.browser.findElement(By.cssSelector("#assessment-form button[type='submit']")));
		assertThat(this.browser.findElement(By.xpath("//table[caption[starts-with(., 'Each analyst')]]")).getText())
			.contains(FIELD_LABEL)
			.contains("BWC-I, BWC-X");

		// A summary readers can see, then publish.
		this.browser.findElement(By.id("publicSummary"))
			.sendKeys(
					"Cell-free kits " + marker + " are now sold for teaching; what that means for awareness-raising.");
		submit(this.browser.findElement(By.cssSelector("#public-summary-form button[type='submit']")));
		submit(this.browser.findElement(By.xpath("//button[normalize-space()='Publish']")));
		assertThat(this.browser.findElement(By.xpath("//dt[.='Status']/following-sibling::dd[1]")).getText())
			.isEqualTo("published");
		HeadlessChromium.save(this.browser, "journey4-published");
		this.browser.manage().window().setSize(new Dimension(1280, 1000));
		return this.browser.findElement(By.xpath("//dt[.='Address when published']/following-sibling::dd[1]"))
			.getText()
			.substring("/tracker/".length());
	}

	private void readersFind(String marker, String title, String slug, ZonedDateTime reported) throws IOException {
		this.browser.get(this.suite.gateway("/tracker"));
		assertThat(this.browser.getPageSource()).contains(title);
		HeadlessChromium.save(this.browser, "journey4-tracker");
		this.browser.manage().window().setSize(new Dimension(1280, 1000));

		this.browser.get(this.suite.gateway("/tracker/" + slug));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
		assertThat(this.browser.getPageSource()).contains("are now sold for teaching");
		HeadlessChromium.save(this.browser, "journey4-development-page");
		this.browser.manage().window().setSize(new Dimension(1280, 1000));

		// Trends: the field's row counts it in the quarter the source reported it. Other
		// classes of this suite may publish developments too, so the count is at least
		// one rather than exactly one.
		this.browser.get(this.suite.gateway("/tracker/trends"));
		String quarter = "Q" + ((reported.getMonthValue() - 1) / 3 + 1) + " " + reported.getYear();
		WebElement table = this.browser.findElement(By.xpath("//section[@aria-labelledby='fields-by-quarter']//table"));
		List<String> columns = table.findElements(By.cssSelector("thead th"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(columns).contains(quarter);
		WebElement row = table.findElement(By.xpath(".//tbody/tr[th[normalize-space()='" + FIELD_LABEL + "']]"));
		List<WebElement> counts = row.findElements(By.tagName("td"));
		// The first column heading is the row heading ("Field"), which has no td.
		assertThat(Integer.parseInt(counts.get(columns.indexOf(quarter) - 1).getText())).isGreaterThanOrEqualTo(1);
		assertThat(this.browser.findElements(By.cssSelector("section[aria-labelledby='fields-by-quarter'] svg")))
			.isNotEmpty();
		HeadlessChromium.save(this.browser, "journey4-trends");
		this.browser.manage().window().setSize(new Dimension(1280, 1000));

		Awaitility.await("the development in the site search")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> {
				this.browser.get(this.suite.gateway("/search?q=" + marker));
				return this.browser.getPageSource().contains("Cell-free expression kits");
			});
		HeadlessChromium.save(this.browser, "journey4-search");
	}

	/**
	 * content-service drafts a mini-post from development.published on bcs.tracker; it
	 * waits for an editor, never published by itself. A browser of its own, so the editor
	 * signs in afresh rather than as the analyst.
	 */
	private void editorFindsTheDraftAnnouncement(String marker) throws IOException {
		this.browser = HeadlessChromium.start();
		try {
			this.browser.manage().window().setSize(new Dimension(1280, 1000));
			signIn("/admin/content/micro", "editor");
			Awaitility.await("the draft mini-post announcing the development")
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> {
					this.browser.get(this.suite.gateway("/admin/content/micro?q=" + marker));
					return this.browser.findElements(By.xpath("//tr[td/a[contains(., '" + marker + "')]]"))
						.stream()
						.anyMatch(row -> row.getText().startsWith("Newly tracked:"));
				});
			WebElement draft = this.browser.findElement(By.xpath("//tr[td/a[contains(., '" + marker + "')]]"));
			assertThat(draft.findElements(By.tagName("td")).get(1).getText()).isEqualTo("Draft");
			HeadlessChromium.save(this.browser, "journey4-draft-announcement");
		}
		finally {
			this.browser.quit();
		}
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

	/**
	 * An RSS 2.0 feed with the one item, on the loopback address (which the suite lets
	 * tracker read in this test: see SuiteProcesses). The link carries tracking
	 * parameters, as real feeds' do.
	 */
	private static HttpServer serve(String marker, String title, ZonedDateTime reported) throws IOException {
		String rss = """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel>
				  <title>Teaching lab news</title><link>https://teaching-labs.example/</link>
				  <description>News for teaching laboratories</description>
				  <item>
				    <title>%s</title>
				    <link>https://teaching-labs.example/news/%s?utm_source=rss&amp;utm_medium=feed</link>
				    <guid>https://teaching-labs.example/news/%s</guid>
				    <pubDate>%s</pubDate>
				    <description>Kits that express proteins without cells are now sold to schools.</description>
				  </item>
				</channel></rss>
				""".formatted(title, marker, marker, DateTimeFormatter.RFC_1123_DATE_TIME.format(reported));
		byte[] body = rss.getBytes(StandardCharsets.UTF_8);
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/feeds/", exchange -> {
			exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		return server;
	}

	/** Picks an option of a select list, as a person clicks it. */
	private void choose(String select, String value) {
		press(this.browser.findElement(By.cssSelector("select#" + select + " option[value='" + value + "']")));
	}

	/** Clicks like a person: scrolled into view first. */
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
