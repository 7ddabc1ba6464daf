package org.biochemsec2030.platform.events;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.biochemsec2030.contracts.content.PostPublished;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A tiny producer and consumer of its own events: notes change, each change is an event
 * on {@code test.notes}, and the consumer records its effect in {@code note_effect}.
 */
@SpringBootApplication
class EventsTestApplication {

	static final String NOTES = "test.notes";

	static final String NOTE_CHANGED = "org.biochemsec2030.test.note.changed.v1";

	static final String CONSUMER = "events-test-consumer";

	/** Until set, a note titled "poison" fails its consumer every time. */
	static final AtomicBoolean poisonCured = new AtomicBoolean();

	/** Until set, a note titled "outage" fails as if the database were away. */
	static final AtomicBoolean outageOver = new AtomicBoolean();

	/** How often the "outage" note was delivered while it failed. */
	static final AtomicInteger outageDeliveries = new AtomicInteger();

	/**
	 * When each event's effect was committed (System.nanoTime), for the latency bench.
	 */
	static final Map<String, Long> effectCommittedAt = new ConcurrentHashMap<>();

	@Bean
	EventSubscription notesSubscription(JdbcTemplate jdbc, JsonMapper json, Tracer tracer) {
		return new EventSubscription(CONSUMER, NOTES, (event) -> {
			NoteChanged change = event.data(json, NoteChanged.class);
			if (change.title().equals("poison") && !poisonCured.get()) {
				throw new IllegalArgumentException("note " + change.noteId() + " cannot be handled");
			}
			if (change.title().equals("outage") && !outageOver.get()) {
				outageDeliveries.incrementAndGet();
				throw new TransientDataAccessResourceException("the engine is away");
			}
			Span span = tracer.currentSpan();
			jdbc.update("insert into note_effect (event_id, note_id, title, revision, trace_id) values (?, ?, ?, ?, ?)",
					event.id(), change.noteId(), change.title(), change.revision(),
					(span != null) ? span.context().traceId() : null);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					effectCommittedAt.put(event.id(), System.nanoTime());
				}
			});
		});
	}

	record NoteChanged(String noteId, String title, int revision) {

	}

	@Service
	static class Notes {

		private final JdbcTemplate jdbc;

		private final Outbox outbox;

		Notes(JdbcTemplate jdbc, Outbox outbox) {
			this.jdbc = jdbc;
			this.outbox = outbox;
		}

		@Transactional
		public UUID change(String noteId, String title) {
			// The aggregate first: its row lock orders concurrent changes, then the
			// event.
			Integer revision = this.jdbc.queryForObject("insert into note (id, title, revision) values (?, ?, 1)"
					+ " on conflict (id) do update set title = excluded.title, revision = note.revision + 1"
					+ " returning revision", Integer.class, noteId, title);
			return this.outbox.append(NOTES, NOTE_CHANGED, noteId, new NoteChanged(noteId, title, revision));
		}

		@Transactional
		public void changeAndFail(String noteId, String title) {
			change(noteId, title);
			throw new IllegalStateException("the change is rolled back");
		}

		@Transactional
		public UUID publishPublicly(PostPublished post) {
			return this.outbox.append("bcs.public", post);
		}

	}

}
