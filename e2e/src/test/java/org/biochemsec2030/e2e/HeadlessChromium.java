package org.biochemsec2030.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and its driver (packages chromium, chromium-driver; ./bcs test
 * installs them), run headless with a fresh profile. Nothing is downloaded: a missing
 * browser fails the test with what to install, it is never skipped.
 */
final class HeadlessChromium {

	private static final Path SCREENSHOTS = Path.of(System.getProperty("bcs.e2e.screenshots", "target/screenshots"));

	private HeadlessChromium() {
	}

	/** Saves the whole page (not only the window) as target/screenshots/NAME.png. */
	static void save(ChromeDriver browser, String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		long height = (Long) browser.executeScript(
				"return Math.ceil(document.documentElement.scrollHeight + window.outerHeight - window.innerHeight)");
		int width = browser.manage().window().getSize().getWidth();
		browser.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height, 600), 6000)));
		Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	static ChromeDriver start() throws IOException {
		Path chromium = executable("bcs.chromium", "/usr/bin/chromium", "chromium");
		Path driver = executable("bcs.chromedriver", "/usr/bin/chromedriver", "chromium-driver");
		Path profile = Files.createTempDirectory("bcs-chromium-");
		ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
					"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--hide-scrollbars", "--force-color-profile=srgb", "--lang=en-GB", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return browser;
	}

	private static Path executable(String property, String fallback, String debianPackage) {
		Path path = Path.of(System.getProperty(property, fallback));
		if (!new File(path.toString()).canExecute()) {
			throw new IllegalStateException(path + " is missing: install the Debian package " + debianPackage
					+ " (./bcs test does) or set -D" + property);
		}
		return path;
	}

}
