package org.biochemsec2030.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and its driver (packages chromium, chromium-driver; ./bcs test
 * installs them), run headless with a fresh profile. Nothing is downloaded: a missing
 * browser fails the test with what to install, it is never skipped.
 */
final class HeadlessChromium {

	private HeadlessChromium() {
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
