package org.biochemsec2030.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.biochemsec2030.platform.test.Identity;
import org.biochemsec2030.platform.test.Mail;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 3 in a real browser, through the gateway of the running suite: a researcher
 * applies and confirms the address from the real mailbox, a coordinator approves, the
 * researcher chooses a password from Keycloak's mail, signs in, edits the profile,
 * answers the next meeting and downloads its .ics. Screenshots of each step go to
 * target/screenshots.
 */
@Order(3)
class MemberJoinsInTheBrowserIT {

	private static final Pattern VERIFY = Pattern
		.compile("https?://\\S+?(/network/apply/verify\\?token=[A-Za-z0-9_-]+)");

	private static final Pattern ACTION = Pattern.compile("(https?://\\S+/login-actions/action-token\\?\\S+)");

	private SuiteProcesses suite;

	private ChromeDriver browser;

	@Test
	void aResearcherAppliesIsApprovedSignsInEditsTheProfileAndAnswersTheNextMeeting() throws Exception {
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
		String email = "journey-" + run + "@example.org";
		String meetingTitle = "Journey meeting " + run;
		String slug = scheduleMeeting(meetingTitle);

		// Apply.
		this.browser.get(this.suite.gateway("/network/apply"));
		this.browser.findElement(By.id("givenName")).sendKeys("Chien-Shiung");
		this.browser.findElement(By.id("familyName")).sendKeys("Wu " + run);
		this.browser.findElement(By.id("email")).sendKeys(email);
		this.browser.findElement(By.id("affiliation")).sendKeys("Columbia University");
		this.browser.findElement(By.id("discipline")).sendKeys("Experimental physics");
		choose("careerStage", "senior");
		choose("country", "US");
		press(this.browser.findElement(By.cssSelector("input[name='interests'][value='detection-verification']")));
		this.browser.findElement(By.id("statement")).sendKeys("I would like to discuss verification with chemists.");
		press(this.browser.findElement(By.cssSelector("input[name='codeOfConduct']")));
		press(this.browser.findElement(By.cssSelector("input[name='consents'][value^='directory:']")));
		HeadlessChromium.save(this.browser, "journey3-apply");
		this.browser.manage().window().setSize(new Dimension(1280, 1000));
		press(this.browser.findElement(By.cssSelector("#apply-form button[type='submit']")));
		assertThat(this.browser.getPageSource()).contains("Check your inbox");

		// Confirm the address from the mailbox (the link names the site; here the
		// gateway).
		Mail.Message confirm = Mail.await(email, m -> m.subject().startsWith("Confirm your address"),
				Duration.ofSeconds(60));
		Matcher link = VERIFY.matcher(confirm.text());
		assertThat(link.find()).as(confirm.text()).isTrue();
		this.browser.get(this.suite.gateway(link.group(1)));
		HeadlessChromium.save(this.browser, "journey3-confirmed");

		// A coordinator approves.
		this.browser.get(this.suite.gateway("/admin/network"));
		signIn("coordinator", "demo-coordinator");
		Awaitility.await("the review queue")
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.browser.getCurrentUrl().startsWith(this.suite.gateway("/admin/network")));
		this.browser.get(this.suite.gateway("/admin/network?q=" + run));
		press(this.browser.findElement(By.partialLinkText("Wu " + run)));
		HeadlessChromium.save(this.browser, "journey3-review");
		this.browser.manage().window().setSize(new Dimension(1280, 1000));
		press(this.browser.findElement(By.xpath("//button[starts-with(normalize-space(), 'Approve')]")));
		assertThat(this.browser.getPageSource()).contains("Approved");
		// The researcher's own browser from here on: no coordinator's session.
		this.browser.quit();
		this.browser = HeadlessChromium.start();
		this.browser.manage().window().setSize(new Dimension(1280, 1000));

		// The password from Keycloak's own mail.
		Mail.Message invitation = Mail.await(email, m -> m.text() != null && m.text().contains("login-actions"),
				Duration.ofSeconds(120));
		Matcher action = ACTION.matcher(invitation.text());
		assertThat(action.find()).as(invitation.text()).isTrue();
		this.browser.get(action.group(1));
		for (int step = 0; step < 3 && this.browser.findElements(By.id("password-new")).isEmpty(); step++) {
			press(this.browser.findElement(By.cssSelector("a[href*='login-actions']")));
		}
		String password = "journey-" + run + "-pw";
		this.browser.findElement(By.id("password-new")).sendKeys(password);
		this.browser.findElement(By.id("password-confirm")).sendKeys(password);
		HeadlessChromium.save(this.browser, "journey3-password");
		this.browser.manage().window().setSize(new Dimension(1280, 1000));
		press(this.browser.findElement(By.cssSelector("input[type='submit'], button[type='submit']")));
		Awaitility.await("Keycloak's confirmation")
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.browser.findElements(By.id("password-new")).isEmpty());

		// Sign in and edit the profile.
		// The gateway's own sign-in (/account needs one), then the profile page.
		this.browser.get(this.suite.gateway("/account"));
		Awaitility.await("sign-in or the account page")
			.atMost(Duration.ofSeconds(30))
			.until(() -> !this.browser.findElements(By.id("username")).isEmpty()
					|| this.browser.getCurrentUrl().startsWith(this.suite.gateway("/account")));
		// Keycloak may have signed the researcher in when the password was chosen.
		if (!this.browser.findElements(By.id("username")).isEmpty()) {
			signIn(email, password);
		}
		Awaitility.await("signed in")
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.browser.getCurrentUrl().startsWith(this.suite.gateway("/account")));
		this.browser.get(this.suite.gateway("/network/me"));
		if (this.browser.findElements(By.id("bio")).isEmpty()) {
			HeadlessChromium.save(this.browser, "journey3-no-profile");
		}
		WebElement bio = this.browser.findElement(By.id("bio"));
		bio.sendKeys("Parity violation, and now verification technologies.");
		choose("visibility.name", "members");
		choose("visibility.bio", "members");
		press(this.browser.findElement(By.cssSelector("input[name='listed']")));
		press(this.browser.findElement(By.cssSelector("#profile-form button[type='submit']")));
		assertThat(this.browser.findElement(By.id("profile-saved")).getText()).contains("saved");
		HeadlessChromium.save(this.browser, "journey3-profile");
		this.browser.manage().window().setSize(new Dimension(1280, 1000));

		// Answer the next meeting and download its calendar file.
		this.browser.get(this.suite.gateway("/events/" + slug));
		press(this.browser.findElement(By.xpath("//form[contains(@action, '/rsvp')]//button")));
		assertThat(this.browser.findElement(By.id("rsvp-status")).getText()).contains("You have a place");
		HeadlessChromium.save(this.browser, "journey3-rsvp");
		String ics = this.browser.findElement(By.cssSelector("a[href$='" + slug + ".ics']")).getAttribute("href");
		HttpResponse<String> calendar = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(ics)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(calendar.statusCode()).isEqualTo(200);
		assertThat(calendar.body()).contains("BEGIN:VEVENT", "SUMMARY:" + meetingTitle);
	}

	/**
	 * The coordinator schedules a meeting through the API (the admin tool has no form
	 * yet).
	 */
	private String scheduleMeeting(String title) throws Exception {
		String body = "{\"title\":\"" + title + "\",\"summary\":\"Verification and new technologies.\","
				+ "\"agenda\":\"14:00 Talks\",\"startsAt\":\"2031-03-04T14:00\",\"endsAt\":\"2031-03-04T17:00\","
				+ "\"timeZone\":\"Europe/London\",\"venue\":\"Reed Hall, Exeter\",\"capacity\":30,"
				+ "\"topics\":[\"detection-verification\"]}";
		HttpResponse<String> created = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.suite.gateway("/api/network/v1/meetings")))
				.header("Authorization", "Bearer " + Identity.tokenFor("coordinator"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		Matcher slug = Pattern.compile("\"slug\":\"([a-z0-9-]+)\"").matcher(created.body());
		assertThat(slug.find()).isTrue();
		return slug.group(1);
	}

	private void signIn(String user, String password) {
		Awaitility.await("Keycloak's sign-in form")
			.atMost(Duration.ofSeconds(30))
			.until(() -> !this.browser.findElements(By.id("username")).isEmpty());
		this.browser.findElement(By.id("username")).sendKeys(user);
		this.browser.findElement(By.id("password")).sendKeys(password);
		this.browser.findElement(By.id("kc-login")).click();
	}

	/** Chooses an option of a drop-down list, as a person picking it would. */
	private void choose(String id, String value) {
		WebElement select = this.browser.findElement(By.id(id));
		this.browser.executeScript("arguments[0].value = arguments[1];"
				+ " arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", select, value);
		assertThat(select.getDomProperty("value")).isEqualTo(value);
	}

	private void press(WebElement element) {
		this.browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		this.browser.executeScript("arguments[0].click()", element);
	}

}
