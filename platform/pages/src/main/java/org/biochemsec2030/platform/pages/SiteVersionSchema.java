package org.biochemsec2030.platform.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.zip.CRC32;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The {@code site_version} table and the {@code bump_site_version()} trigger function
 * ({@code db/pages/site_version.sql}) as one migration of the service's own Flyway, at
 * the version the service names in {@code bcs.pages.schema-version}. Written once here
 * rather than copied into each service's migrations, so that every service bumps its
 * version the same way; the service's next migration adds the triggers on its tables.
 * Being a versioned migration it runs once, in order and under Flyway's lock however many
 * replicas start at once, and its checksum is the file's, so an edit to an applied file
 * is caught by Flyway's validation as with any other migration.
 */
public class SiteVersionSchema implements JavaMigration {

	static final String SQL = "db/pages/site_version.sql";

	private final MigrationVersion version;

	private final String sql;

	public SiteVersionSchema(String version) {
		this.version = MigrationVersion.fromVersion(version);
		this.sql = read();
	}

	private static String read() {
		try (InputStream in = SiteVersionSchema.class.getClassLoader().getResourceAsStream(SQL)) {
			if (in == null) {
				throw new IllegalStateException(SQL + " is missing from the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public MigrationVersion getVersion() {
		return this.version;
	}

	@Override
	public String getDescription() {
		return "site version";
	}

	@Override
	public Integer getChecksum() {
		CRC32 crc = new CRC32();
		crc.update(this.sql.getBytes(StandardCharsets.UTF_8));
		return (int) crc.getValue();
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		try (Statement statement = context.getConnection().createStatement()) {
			statement.execute(this.sql);
		}
	}

	/** The statements, as the database runs them. */
	String sql() {
		return this.sql;
	}

}
