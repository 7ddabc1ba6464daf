package org.biochemsec2030.platform.security;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.multipart.MultipartException;

import static org.assertj.core.api.Assertions.assertThat;

class ClientErrorsTests {

	@Test
	void aPoolThatCouldNotGetAConnectionMeansTheDatabaseIsAway() {
		var timedOut = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
		assertThat(ClientErrors.databaseAway(new CannotGetJdbcConnectionException("no connection", timedOut))).isTrue();
		assertThat(ClientErrors.databaseAway(new IllegalStateException("wrapped", timedOut))).isTrue();
	}

	@Test
	void otherFailuresAreNotTakenForAnOutage() {
		assertThat(ClientErrors.databaseAway(new IllegalStateException("a bug"))).isFalse();
		assertThat(ClientErrors.databaseAway(new MultipartException("no boundary"))).isFalse();
	}

}
