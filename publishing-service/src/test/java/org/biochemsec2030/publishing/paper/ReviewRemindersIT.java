package org.biochemsec2030.publishing.paper;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.biochemsec2030.platform.test.Mail;
import org.biochemsec2030.publishing.Api;
import org.biochemsec2030.publishing.Papers;
import org.biochemsec2030.publishing.PublishingServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reviewers who have not answered are reminded before their due date and once after it,
 * each once, through a real SMTP server; the tests read the reviewers' mailboxes as they
 * would.
 */
@PublishingServiceTest
class ReviewRemindersIT {

	@LocalServerPort
	int port;

	@Autowired
	ReviewReminders reminders;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReviewerIsRemindedOnceBeforeTheDueDateAndOnceAfterItUntilTheReviewComesIn() throws Exception {
		Api publisher = new Api(this.port, "publisher");
		String title = "Benchtop synthesisers and export controls " + UUID.randomUUID();
		String id = Papers.ok(publisher.post("/api/publishing/v1/papers/"
				+ publisher.post("/api/publishing/v1/papers", Papers.paper(title, null)).json().get("id").asString()
				+ "/submit"))
			.get("id")
			.asString();
		String base = "/api/publishing/v1/papers/" + id;
		Papers.ok(publisher.post(base + "/review-rounds"));
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String soon = "soon-" + UUID.randomUUID() + "@reviewers.example";
		String later = "later-" + UUID.randomUUID() + "@reviewers.example";
		String soonId = assign(publisher, base, "Chien-Shiung Wu", soon, today.plusDays(2));
		assign(publisher, base, "Dorothy Hodgkin", later, today.plusDays(20));
		// A reviewer without a mail address is never reminded (and breaks nothing).
		assign(publisher, base, "Barbara McClintock", null, today.plusDays(1));

		// Sweeps at once, as two replicas would run them, and again: one reminder.
		sweepTwiceAtOnceAndAgain();
		Mail.Message before = Mail.await(soon, m -> true, Duration.ofSeconds(30));
		assertThat(before.subject()).startsWith("Your review is due on").endsWith(title);
		assertThat(before.text()).contains("Dear Chien-Shiung Wu", title, "It is due on");
		assertThat(before.from()).isEqualTo("papers@biochemsec2030.invalid");
		assertThat(Mail.inbox(soon)).hasSize(1);
		assertThat(Mail.inbox(later)).isEmpty();

		// The due date passes with no review: one more, saying it is overdue.
		this.jdbc.sql("update review_assignment set due_on = ? where id = ?")
			.params(today.minusDays(1), UUID.fromString(soonId))
			.update();
		sweepTwiceAtOnceAndAgain();
		Mail.Message after = Mail.await(soon, m -> m.subject().startsWith("Your review is overdue"),
				Duration.ofSeconds(30));
		assertThat(after.text()).contains("has not reached us yet", "last reminder");
		assertThat(Mail.inbox(soon)).hasSize(2);

		// Once the other reviewer's review is in, nothing reaches them however near the
		// date comes.
		String laterId = this.jdbc.sql("select id from review_assignment where reviewer_email = ?")
			.param(later)
			.query(UUID.class)
			.single()
			.toString();
		Papers.ok(publisher.post(base + "/reviewers/" + laterId + "/review", Map.of("recommendation", "ACCEPT")));
		this.jdbc.sql("update review_assignment set due_on = ? where id = ?")
			.params(today.plusDays(1), UUID.fromString(laterId))
			.update();
		sweepTwiceAtOnceAndAgain();
		assertThat(Mail.inbox(later)).isEmpty();
		assertThat(Mail.inbox(soon)).hasSize(2);
	}

	private void sweepTwiceAtOnceAndAgain() throws Exception {
		List<CompletableFuture<Integer>> sweeps = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			sweeps.add(CompletableFuture.supplyAsync(this.reminders::sendDue));
		}
		for (CompletableFuture<Integer> sweep : sweeps) {
			sweep.get();
		}
		this.reminders.sendDue();
	}

	private static String assign(Api publisher, String base, String name, String email, LocalDate due) {
		Map<String, Object> reviewer = new java.util.HashMap<>(Map.of("name", name, "dueOn", due.toString()));
		if (email != null) {
			reviewer.put("email", email);
		}
		Api.Response assigned = publisher.post(base + "/reviewers", reviewer);
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
		return assigned.json().get("id").asString();
	}

}
