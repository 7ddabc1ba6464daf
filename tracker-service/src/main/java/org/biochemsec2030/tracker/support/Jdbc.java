package org.biochemsec2030.tracker.support;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Conversions between Java values and PostgreSQL columns (timestamptz, arrays). */
public final class Jdbc {

	private Jdbc() {
	}

	public static OffsetDateTime timestamp(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	public static String[] array(List<String> values) {
		return values.toArray(String[]::new);
	}

	public static List<String> list(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return (array != null) ? List.of((String[]) array.getArray()) : List.of();
	}

	public static Integer[] boxed(int[] values) {
		Integer[] boxed = new Integer[values.length];
		for (int i = 0; i < values.length; i++) {
			boxed[i] = values[i];
		}
		return boxed;
	}

	/**
	 * A {@code LIKE}/{@code ILIKE} pattern matching values that contain {@code text}
	 * literally: the wildcards and the escape character typed are escaped. Always bound
	 * as a parameter.
	 */
	public static String containing(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
