package org.biochemsec2030.network.meeting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the admin tool's meeting form safe to send twice. The blank form carries a fresh
 * key; the work of the first POST with that key and the record of where it led commit in
 * one transaction, so a second POST (a double click, a page resent) finds the record and
 * is sent to the same place without scheduling anything. Two at the same instant queue on
 * the key's primary key: the second waits for the first to commit and then finds its
 * record. Work that fails (a form to fix) rolls the key back with it, so the corrected
 * form can be sent with the same key.
 */
@Component
class FormKeys {

	/** Long enough for any resent form; short enough that the table stays small. */
	private static final Duration KEPT = Duration.ofDays(2);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	FormKeys(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** A fresh key for a form being shown. */
	static String draw() {
		return UUID.randomUUID().toString();
	}

	/**
	 * Does {@code work} (which answers the address to send the browser to) once per key
	 * and action. A form without a usable key (sent by a script, say) is done as sent.
	 */
	String once(String key, String action, Supplier<String> work) {
		Optional<UUID> parsed = parse(key);
		if (parsed.isEmpty()) {
			return work.get();
		}
		return this.transactions.execute(status -> {
			int claimed = this.jdbc.sql("""
					insert into admin_form_key (key, action, location, used_at) values (?, ?, '', ?)
					on conflict do nothing""")
				.params(parsed.get(), action, Timestamp.from(this.clock.instant()))
				.update();
			if (claimed == 0) {
				return this.jdbc.sql("select location from admin_form_key where key = ? and action = ?")
					.params(parsed.get(), action)
					.query(String.class)
					.single();
			}
			String location = work.get();
			this.jdbc.sql("update admin_form_key set location = ? where key = ? and action = ?")
				.params(location, parsed.get(), action)
				.update();
			return location;
		});
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void forgetOld() {
		this.jdbc.sql("delete from admin_form_key where used_at < ?")
			.param(Timestamp.from(this.clock.instant().minus(KEPT)))
			.update();
	}

	private static Optional<UUID> parse(String key) {
		if (key == null || key.isBlank() || key.length() > 100) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(key.strip()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
