package org.biochemsec2030.tracker.trends;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.biochemsec2030.platform.taxonomy.Regime;
import org.biochemsec2030.tracker.support.Jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Published developments with their analysts' current assessments, in one query. Hand
 * written because trends read across developments, items and assessments at once, and
 * read only what counting needs (fields, provisions, TRLs), none of the text: nothing the
 * hazard gate keeps internal comes out of here.
 */
@Repository
class TrendsRepository {

	private final JdbcClient jdbc;

	TrendsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Tracked> published() {
		Map<UUID, Builder> by = new LinkedHashMap<>();
		this.jdbc.sql("""
				with published as (
				    select d.id,
				           coalesce((select min(coalesce(i.published_at, i.first_seen_at))
				                     from development_item di join item i on i.id = di.item_id
				                     where di.development_id = d.id), d.created_at) as reported_at
				    from development d
				    where d.status = 'published'),
				current as (
				    select distinct on (a.development_id, a.assessor_id) a.development_id, a.field, a.provisions, a.trl
				    from assessment a join published p on p.id = a.development_id
				    order by a.development_id, a.assessor_id, a.version desc)
				select p.id, p.reported_at, c.field, c.provisions, c.trl
				from published p join current c on c.development_id = p.id
				order by p.reported_at, p.id""").query(rs -> {
			UUID id = rs.getObject("id", UUID.class);
			Instant reportedAt = Jdbc.instant(rs, "reported_at");
			Builder development = by.computeIfAbsent(id, key -> new Builder(key, reportedAt));
			development.fields.add(rs.getString("field"));
			development.regimes.addAll(regimes(Jdbc.list(rs, "provisions")));
			development.trls.add(rs.getInt("trl"));
		});
		List<Tracked> developments = new ArrayList<>();
		by.values().forEach(b -> developments.add(new Tracked(b.id, b.reportedAt, b.fields, b.regimes, b.trls)));
		return developments;
	}

	private static List<String> regimes(List<String> provisions) {
		return Arrays.stream(Regime.values())
			.filter(regime -> provisions.stream().anyMatch(code -> regime.provision(code).isPresent()))
			.map(Regime::code)
			.toList();
	}

	private static final class Builder {

		final UUID id;

		final Instant reportedAt;

		final Set<String> fields = new HashSet<>();

		final Set<String> regimes = new HashSet<>();

		final Set<Integer> trls = new HashSet<>();

		Builder(UUID id, Instant reportedAt) {
			this.id = id;
			this.reportedAt = reportedAt;
		}

	}

}
