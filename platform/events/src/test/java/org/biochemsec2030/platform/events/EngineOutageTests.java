package org.biochemsec2030.platform.events;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class EngineOutageTests {

	@Test
	void anEngineThatIsAwayIsAnOutageHoweverDeepTheListenerWrapsIt() {
		assertThat(EngineOutage.causedBy(new ListenerExecutionFailedException("listener failed",
				new IllegalStateException("handler", new TransientDataAccessResourceException("search away")))))
			.isTrue();
		assertThat(EngineOutage.causedBy(new CannotCreateTransactionException("no connection",
				new SQLTransientConnectionException("pool timed out"))))
			.isTrue();
		assertThat(EngineOutage.causedBy(new CannotGetJdbcConnectionException("refused"))).isTrue();
	}

	@Test
	void aFailureOfTheEventItselfIsNot() {
		assertThat(EngineOutage.causedBy(new ListenerExecutionFailedException("listener failed",
				new IllegalArgumentException("note cannot be handled"))))
			.isFalse();
		assertThat(EngineOutage.causedBy(new DataIntegrityViolationException("duplicate key"))).isFalse();
		assertThat(EngineOutage.causedBy(new NotACloudEventException("not a CloudEvent", null))).isFalse();
	}

}
