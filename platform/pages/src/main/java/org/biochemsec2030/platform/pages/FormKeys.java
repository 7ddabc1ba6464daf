package org.biochemsec2030.platform.pages;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes an admin tool's forms safe to send twice. Each page draws a key its forms carry;
 * the work of the first POST with a key and action and the record of where it led commit
 * in one transaction, so a second POST (a double click, a resent form) finds the record
 * and is sent to the same place without doing anything. Two at the same instant queue on
 * the key's primary key: the second waits for the first to commit and then finds it. Work
 * that fails rolls the key back with it, so the corrected form can be sent with the same
 * key.
 * <p>
 * A service that uses it declares the bean and owns the table in its own migrations:
 * {@code admin_form_key (key uuid, action text, location text, used_at timestamptz)} with
 * {@code (key, action)} as its primary key and an index on {@code used_at}. Scheduling
 * must be enabled for old keys to be forgotten.
 */
public class FormKeys {

	/** Long enough for any resent form; short enough that the table stays small. */
	private static final Duration KEPT = Duration.ofDays(2);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	public FormKeys(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** A fresh key for the forms of a page being shown. */
	public static String draw() {
		return UUID.randomUUID().toString();
	}

	/**
	 * Does {@code work} (which answers the address to send the browser to) once per key
	 * and action. A form without a usable key (sent by a script, say) is done as sent:
	 * the workflow behind it still refuses a step taken twice.
	 */
	public String once(String key, String action, Supplier<String> work) {
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

	static Optional<UUID> parse(String key) {
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
