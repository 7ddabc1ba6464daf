package org.biochemsec2030.platform.events;

import java.sql.SQLTransientException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a handler's failure because an engine is away (the database, the search cluster)
 * from a failure of the event itself. Only the second kind goes to the dead letters after
 * the configured attempts: an outage says nothing about the event, and dead-lettering
 * every change made while, say, Elasticsearch restarts would leave the index behind for
 * good. The consumer instead delivers the event again, with a growing wait, until the
 * engine answers; the records behind it in its partition wait too, which keeps their
 * order.
 */
final class EngineOutage {

	private EngineOutage() {
	}

	static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// Spring's words for a resource that fails for now
			// (SearchUnavailableException is
			// one), a connection that could not be had, and the database's own.
			if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException) {
				return true;
			}
			if (cause.getCause() == cause) {
				return false;
			}
		}
		return false;
	}

}
