package org.biochemsec2030.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site in a real browser (headless Chromium), through the gateway of the running
 * suite: the home page, search and a page of each service carry the same header, main
 * landmark and stylesheet, so the site reads as one. Every page is saved as a screenshot
 * under target/screenshots for people to look at.
 */
@Order(1)
class SiteLooksAsOneIT {

	private static final List<String> NAVIGATION = List.of("Blog", "Mini-blog", "Network", "Events", "Tracker",
			"Papers", "Search", "Sign in");

	/**
	 * The header band's colour in bcs.css (#0d3b4f, as the browser reports computed
	 * colours): it applies only if the stylesheet loaded.
	 */
	private static final String HEADER_BACKGROUND = "rgba(13, 59, 79, 1)";

	private static SuiteProcesses suite;

	private static ChromeDriver browser;

	@BeforeAll
	static void openBrowser() throws IOException {
		suite = RunningSuite.get();
		browser = HeadlessChromium.start();
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void homePageShowsEverySectionFromItsService() throws IOException {
		// A just-started service can miss the home page's time limit on its very first
		// answers; once all have answered, no section may say it is unavailable.
		Awaitility.await("every home page section answered")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> {
				browser.get(suite.gateway("/"));
				return browser.findElements(By.cssSelector(".unavailable")).isEmpty();
			});
		assertThat(browser.findElements(By.cssSelector("main section.card h2")).stream().map(WebElement::getText))
			.containsExactlyInAnyOrder("Next meetings", "Latest posts", "Mini-blog", "Briefing papers",
					"Tracked developments");
		assertSharedShell(null);
		assertThat(browser.findElement(By.cssSelector("a.brand")).getDomAttribute("aria-current")).isEqualTo("page");
		save("home");
		browser.manage().window().setSize(new Dimension(390, 844));
		save("home-narrow");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "network, /network, Network", "tracker, /tracker, Tracker", "publishing, /papers, Papers",
			"content, /blog, Blog" })
	void eachServicesPageHasTheSharedLook(String service, String path, String section) throws IOException {
		browser.get(suite.gateway(path));
		assertSharedShell(section);
		save(service + "-service");
	}

	@Test
	void searchPageOpensInTheSameLook() throws IOException {
		browser.get(suite.gateway("/search?q=gene+synthesis+screening"));
		assertSharedShell("Search");
		assertThat(browser.findElements(By.cssSelector("main form[role='search'], main form"))).isNotEmpty();
		save("search");
	}

	private static void assertSharedShell(String currentSection) {
		assertSharedShell(currentSection, currentSection);
	}

	/**
	 * The shared header, main landmark, footer and stylesheet; one of the given sections
	 * marked current.
	 */
	private static void assertSharedShell(String currentSection, String orSection) {
		browser.manage().window().setSize(new Dimension(1280, 900));
		WebElement header = browser.findElement(By.cssSelector("header.site-header"));
		assertThat(header.findElements(By.cssSelector("nav[aria-label='Main'] a")).stream().map(WebElement::getText))
			.containsExactlyElementsOf(NAVIGATION);
		assertThat(header.getCssValue("background-color")).as("stylesheet applied").isEqualTo(HEADER_BACKGROUND);
		assertThat(browser.findElements(By.cssSelector("main#main"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("footer.site-footer"))).hasSize(1);
		List<String> current = header.findElements(By.cssSelector("nav a[aria-current='page']"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(current).satisfiesAnyOf(c -> assertThat(c).isEqualTo(listOf(currentSection)),
				c -> assertThat(c).isEqualTo(listOf(orSection)));
	}

	private static List<String> listOf(String section) {
		return (section != null) ? List.of(section) : List.of();
	}

	/**
	 * A full-page screenshot at the window's current width: the window is made as tall as
	 * the page plus whatever the window itself takes beyond the viewport.
	 */
	private static void save(String name) throws IOException {
		HeadlessChromium.save(browser, name);
	}

}
