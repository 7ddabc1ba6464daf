package org.biochemsec2030.content.media;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.content.support.Jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MediaRepository {

	record Row(String contentType, byte[] bytes) {

	}

	private final JdbcClient jdbc;

	MediaRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, String contentType, int width, int height, byte[] bytes, Instant at, String by) {
		this.jdbc.sql(
				"insert into media (id, content_type, width, height, bytes, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?)")
			.params(id, contentType, width, height, bytes, Jdbc.timestamp(at), by)
			.update();
	}

	void insertVariant(UUID id, int width, int height, String contentType, byte[] bytes) {
		this.jdbc.sql("insert into media_variant (media_id, width, height, content_type, bytes) values (?, ?, ?, ?, ?)")
			.params(id, width, height, contentType, bytes)
			.update();
	}

	boolean exists(UUID id) {
		return this.jdbc.sql("select count(*) from media where id = ?").param(id).query(Long.class).single() > 0;
	}

	/** The newest uploads, without their bytes. */
	List<MediaService.Uploaded> recent(int limit) {
		return this.jdbc.sql("select id, width, height, created_at from media order by created_at desc, id limit ?")
			.param(limit)
			.query((rs, n) -> MediaService.uploaded(rs.getObject("id", UUID.class), rs.getInt("width"),
					rs.getInt("height"), Jdbc.instant(rs, "created_at")))
			.list();
	}

	Optional<Row> find(UUID id) {
		return this.jdbc.sql("select content_type, bytes from media where id = ?")
			.param(id)
			.query((rs, n) -> new Row(rs.getString("content_type"), rs.getBytes("bytes")))
			.optional();
	}

	/** The copy of the image made at upload for {@code width}, if there is one. */
	Optional<Row> findVariant(UUID id, int width) {
		return this.jdbc.sql("select content_type, bytes from media_variant where media_id = ? and width = ?")
			.params(id, width)
			.query((rs, n) -> new Row(rs.getString("content_type"), rs.getBytes("bytes")))
			.optional();
	}

}
