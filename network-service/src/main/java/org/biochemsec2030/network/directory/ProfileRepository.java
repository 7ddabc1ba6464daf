package org.biochemsec2030.network.directory;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Profiles in PostgreSQL. Hand-written SQL: the directory's query is put together from
 * the filters given, and each filter may only look at a field the viewer is allowed to
 * see (a search must not reveal what a member hid by matching on it).
 */
@Repository
class ProfileRepository {

	private final JdbcClient jdbc;

	ProfileRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(UUID memberId, String name, String affiliation, String discipline, String country, List<String> topics,
			String bio, String orcid, Map<ProfileField, Visibility> visibility, boolean listed, Instant updatedAt,
			String memberStatus) {

		Visibility of(ProfileField field) {
			return this.visibility.get(field);
		}

	}

	private static final String SELECT = "select p.*, m.status as member_status from profile p"
			+ " join member m on m.id = p.member_id";

	Optional<Row> find(UUID memberId) {
		return this.jdbc.sql(SELECT + " where p.member_id = ?").param(memberId).query((rs, n) -> row(rs)).optional();
	}

	/**
	 * Makes the profile of a member who has none yet from what they sent with their
	 * application, every field private and out of the directory.
	 */
	void createFromApplication(UUID memberId, Instant now) {
		this.jdbc.sql("""
				insert into profile (member_id, display_name, affiliation, discipline, country, topics, bio, orcid,
				    updated_at)
				select a.id, trim(a.given_name || ' ' || a.family_name), a.affiliation, a.discipline, a.country,
				       a.interests, '', a.orcid, ?
				  from application a join member m on m.id = a.id
				 where a.id = ? and m.status = 'active'
				on conflict (member_id) do nothing
				""").params(Timestamp.from(now), memberId).update();
	}

	void update(UUID memberId, ProfileRules.Checked p, Instant now) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", memberId);
		params.put("name", p.name());
		params.put("affiliation", p.affiliation());
		params.put("discipline", p.discipline());
		params.put("country", p.country());
		params.put("topics", p.topics().toArray(String[]::new));
		params.put("bio", p.bio());
		params.put("orcid", p.orcid());
		params.put("listed", p.listed());
		params.put("now", Timestamp.from(now));
		StringBuilder visibility = new StringBuilder();
		for (ProfileField field : ProfileField.values()) {
			visibility.append(", ").append(field.visibilityColumn()).append(" = :").append(field.code()).append("V");
			params.put(field.code() + "V", p.visibility().get(field).code());
		}
		this.jdbc
			.sql("update profile set display_name = :name, affiliation = :affiliation, discipline = :discipline,"
					+ " country = :country, topics = :topics, bio = :bio, orcid = :orcid, listed = :listed,"
					+ " updated_at = :now" + visibility + " where member_id = :id")
			.params(params)
			.update();
	}

	/** Out of the directory (leaving the network). */
	void setListed(UUID memberId, boolean listed, Instant now) {
		this.jdbc.sql("update profile set listed = ?, updated_at = ? where member_id = ?")
			.params(listed, Timestamp.from(now), memberId)
			.update();
	}

	void unlist(UUID memberId, Instant now) {
		this.jdbc.sql("update profile set listed = false, updated_at = ? where member_id = ?")
			.params(Timestamp.from(now), memberId)
			.update();
	}

	void delete(UUID memberId) {
		this.jdbc.sql("delete from profile where member_id = ?").param(memberId).update();
	}

	/** The filters of a directory search; null or empty ones are not applied. */
	record Query(String text, String topic, String discipline, String country) {

	}

	/**
	 * Listed profiles of active members that match every filter on fields this viewer
	 * sees.
	 */
	List<Row> search(Query query, Visibility.Viewer viewer, int limit) {
		List<String> shown = Visibility.codesShownTo(viewer);
		StringBuilder sql = new StringBuilder(SELECT + " where p.listed and m.status = 'active'");
		Map<String, Object> params = new HashMap<>();
		params.put("shown", shown);
		if (present(query.topic())) {
			sql.append(" and p.topics_visibility in (:shown) and :topic = any(p.topics)");
			params.put("topic", query.topic());
		}
		if (present(query.country())) {
			sql.append(" and p.country_visibility in (:shown) and p.country = :country");
			params.put("country", query.country());
		}
		if (present(query.discipline())) {
			sql.append(" and p.discipline_visibility in (:shown) and p.discipline ilike :discipline escape '\\'");
			params.put("discipline", like(query.discipline()));
		}
		if (present(query.text())) {
			List<String> any = new ArrayList<>();
			for (ProfileField field : List.of(ProfileField.NAME, ProfileField.AFFILIATION, ProfileField.DISCIPLINE,
					ProfileField.BIO)) {
				any.add("(p." + field.visibilityColumn() + " in (:shown) and p." + field.column()
						+ " ilike :text escape '\\')");
			}
			sql.append(" and (").append(String.join(" or ", any)).append(")");
			params.put("text", like(query.text()));
		}
		sql.append(" order by p.updated_at desc limit :limit");
		params.put("limit", limit);
		return this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs)).list();
	}

	/** Every listed profile of an active member (for rebuilding search). */
	List<Row> listed() {
		return this.jdbc.sql(SELECT + " where p.listed and m.status = 'active'").query((rs, n) -> row(rs)).list();
	}

	/** The active member whose Keycloak account this is. */
	Optional<UUID> memberOfAccount(String keycloakUserId) {
		return this.jdbc.sql("select id from member where keycloak_user_id = ? and status = 'active'")
			.param(keycloakUserId)
			.query(UUID.class)
			.optional();
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	/** A pattern that finds the text anywhere, its own % and _ taken literally. */
	private static String like(String text) {
		return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	private static Row row(ResultSet rs) throws SQLException {
		Map<ProfileField, Visibility> visibility = new EnumMap<>(ProfileField.class);
		for (ProfileField field : ProfileField.values()) {
			visibility.put(field, Visibility.byCode(rs.getString(field.visibilityColumn())).orElse(Visibility.PRIVATE));
		}
		return new Row(rs.getObject("member_id", UUID.class), rs.getString("display_name"), rs.getString("affiliation"),
				rs.getString("discipline"), rs.getString("country"), strings(rs.getArray("topics")),
				rs.getString("bio"), rs.getString("orcid"), visibility, rs.getBoolean("listed"),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("member_status"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array == null) ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
