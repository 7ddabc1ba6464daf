package org.biochemsec2030.platform.pages;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service's site version: one number, in table {@code site_version}, that the
 * service's own database bumps at the commit of any write to a table a public page reads
 * (deferred constraint triggers calling {@code bump_site_version()}; each service's
 * migration creates them for its own tables, docs/adding-a-service.md).
 */
public class SiteVersion {

	private final JdbcClient jdbc;

	public SiteVersion(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The version now (one indexed row). */
	public long current() {
		return this.jdbc.sql("select version from site_version").query(Long.class).single();
	}

}
