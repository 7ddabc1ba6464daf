package org.biochemsec2030.publishing.meeting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.security.AuditLog;
import org.biochemsec2030.platform.taxonomy.Taxonomy;
import org.biochemsec2030.publishing.support.InvalidInput;
import org.biochemsec2030.publishing.support.InvalidInput.FieldProblem;
import org.biochemsec2030.publishing.support.NotFound;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Treaty meetings: the BWC and CWC meetings papers are written for. */
@Service
public class MeetingService {

	private final MeetingRepository meetings;

	private final AuditLog audit;

	private final Clock clock;

	MeetingService(MeetingRepository meetings, AuditLog audit, Clock clock) {
		this.meetings = meetings;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public TreatyMeeting save(Actor actor, MeetingInput input) {
		List<FieldProblem> problems = new ArrayList<>();
		List<Taxonomy.Problem> found = new ArrayList<>();
		Taxonomy.regimes("regime", List.of(input.regime()), found);
		found.forEach(p -> problems.add(new FieldProblem(p.field(), p.message())));
		if (input.endsOn().isBefore(input.startsOn())) {
			problems.add(new FieldProblem("endsOn", "the last day cannot come before the first"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		this.meetings.save(input, this.clock.instant());
		this.audit.record(actor, "meeting.saved", "meeting:" + input.slug(), Map.of("name", input.name()));
		return this.meetings.find(input.slug()).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<TreatyMeeting> find(String slug) {
		return (slug == null) ? Optional.empty() : this.meetings.find(slug);
	}

	@Transactional(readOnly = true)
	public TreatyMeeting get(String slug) {
		return find(slug).orElseThrow(() -> new NotFound("No treaty meeting has the address name '" + slug + "'."));
	}

	@Transactional(readOnly = true)
	public List<TreatyMeeting> all() {
		return this.meetings.all();
	}

}
