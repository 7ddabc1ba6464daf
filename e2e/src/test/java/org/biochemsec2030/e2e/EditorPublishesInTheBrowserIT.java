package org.biochemsec2030.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor's journey in a real browser, through the gateway of the running suite: sign
 * in at Keycloak, write a post with Markdown in the admin tool, publish it, and find it
 * on the home page, in the site search and in the Atom feed. Screenshots of each step go
 * to target/screenshots.
 */
@Order(3)
class EditorPublishesInTheBrowserIT {

	private static SuiteProcesses suite;

	private static ChromeDriver browser;

	@BeforeAll
	static void openBrowser() throws IOException {
		suite = RunningSuite.get();
		browser = HeadlessChromium.start();
		browser.manage().window().setSize(new Dimension(1280, 1000));
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void editorWritesAndPublishesAPostThatReadersFindEverywhere() throws Exception {
		// A word no other page has, so search finds exactly this post.
		String marker = "zqx" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
		String title = "Benchtop synthesisers and screening " + marker;

		browser.get(suite.gateway("/admin/content"));
		browser.findElement(By.id("username")).sendKeys("editor");
		browser.findElement(By.id("password")).sendKeys("demo-editor");
		browser.findElement(By.id("kc-login")).click();
		Awaitility.await("back at the admin tool")
			.atMost(Duration.ofSeconds(30))
			.until(() -> browser.getCurrentUrl().startsWith(suite.gateway("/admin/content")));

		browser.get(suite.gateway("/admin/content/posts/new"));
		browser.findElement(By.id("title")).sendKeys(title);
		browser.findElement(By.id("summary")).sendKeys("Why gene synthesis screening matters for the BWC " + marker);
		browser.findElement(By.id("body"))
			.sendKeys("## Screening\n\nProviders **screen orders** against lists of concern. *" + marker + "*\n");
		press(browser.findElement(By.cssSelector("input[name='topics'][value='synthetic-biology']")));
		press(browser.findElement(By.cssSelector("input[name='regimes'][value='BWC']")));
		HeadlessChromium.save(browser, "editor-writes");
		browser.manage().window().setSize(new Dimension(1280, 1000));
		press(browser.findElement(By.cssSelector("button[name='action'][value='save']")));

		click("Submit for review");
		click("Publish now");
		HeadlessChromium.save(browser, "editor-published");
		browser.manage().window().setSize(new Dimension(1280, 1000));

		Awaitility.await("the post on the home page")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> {
				browser.get(suite.gateway("/"));
				return browser.getPageSource().contains(title);
			});
		HeadlessChromium.save(browser, "home-with-post");

		Awaitility.await("the post in the site search")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> {
				browser.get(suite.gateway("/search?q=" + marker));
				return browser.getPageSource().contains("Benchtop synthesisers");
			});
		HeadlessChromium.save(browser, "search-finds-post");

		HttpResponse<String> atom = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(suite.gateway("/feeds/posts.atom"))).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(atom.statusCode()).isEqualTo(200);
		assertThat(atom.body()).contains(title)
			.contains("<strong>screen orders</strong>".replace("<", "&lt;").replace(">", "&gt;"));
	}

	/** Presses a workflow button on the editor page, if the post's state offers it. */
	private static void click(String button) {
		var buttons = browser.findElements(By.xpath("//button[normalize-space()='" + button + "']"));
		assertThat(buttons).as("a '%s' button on %s", button, browser.getCurrentUrl()).isNotEmpty();
		press(buttons.get(0));
	}

	/**
	 * Clicks like a person: scrolled into view first. The live preview re-renders beside
	 * the form as the editor types, which can move an element while the driver aims; then
	 * the click goes to the element itself.
	 */
	private static void press(WebElement element) {
		browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		try {
			element.click();
		}
		catch (ElementClickInterceptedException moved) {
			browser.executeScript("arguments[0].click()", element);
		}
	}

}
