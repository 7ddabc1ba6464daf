package org.biochemsec2030.network.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.network.application.ApplicationInput;
import org.biochemsec2030.network.application.Applications;
import org.biochemsec2030.network.directory.ProfileInput;
import org.biochemsec2030.network.directory.Profiles;
import org.biochemsec2030.network.meeting.MeetingInput;
import org.biochemsec2030.network.meeting.Meetings;
import org.biochemsec2030.network.support.NetworkProperties;
import org.biochemsec2030.platform.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data for {@code BCS_DEMO=true}: a past meeting and two coming ones (in person and
 * online), applications waiting in the review queue, and members with mixed choices of
 * visibility, so that a fresh suite shows a living network. Loaded once: nothing is added
 * when meetings exist already.
 */
@Component
class DemoNetwork {

	private static final Logger log = LoggerFactory.getLogger(DemoNetwork.class);

	private static final Actor DEMO = Actor.system("demo-data");

	private static final String LONDON = "Europe/London";

	private final NetworkProperties properties;

	private final Meetings meetings;

	private final Applications applications;

	private final Profiles profiles;

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoNetwork(NetworkProperties properties, Meetings meetings, Applications applications, Profiles profiles,
			JdbcClient jdbc, Clock clock) {
		this.properties = properties;
		this.profiles = profiles;
		this.meetings = meetings;
		this.applications = applications;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (!this.properties.demo() || this.jdbc.sql("select count(*) from meeting").query(Long.class).single() > 0) {
			return;
		}
		loadAll();
	}

	/** Every demo item (the caller has checked that none is there yet). */
	void loadAll() {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneId.of(LONDON));
		this.meetings.schedule(new MeetingInput("Keeping the conventions up to date with science", null,
				"The network's first meeting: how the BWC and CWC review developments in science and technology, "
						+ "and what monitoring them means for resolution 1540.",
				"13:00 Welcome and introductions\n13:30 The S&T review processes of the two conventions\n"
						+ "15:00 Break\n15:30 Round table: what researchers see coming\n17:00 Close",
				List.of("Prof. Maya Okafor", "Dr Tom Reilly"), today.minusDays(45) + "T13:00",
				today.minusDays(45) + "T17:00", LONDON, "Reed Hall, University of Exeter", null, 40, null,
				List.of("biosafety-biosecurity-policy", "detection-verification")), DEMO);
		this.meetings.schedule(new MeetingInput("Tracking developments in techno-science", null,
				"How advances in science and technology open new approaches to verification and compliance "
						+ "monitoring, and where they add risks.",
				"14:00 Welcome\n14:15 Talks: AI-enabled protein design; benchtop DNA synthesis\n"
						+ "16:00 Discussion in small groups\n17:30 Close",
				List.of("Dr Priya Natarajan", "Dr Jonas Berg"), today.plusDays(30) + "T14:00",
				today.plusDays(30) + "T17:30", LONDON, "The Innovation Centre, Exeter",
				"https://meet.example.org/ssn-techno-science", 30, today.plusDays(28) + "T12:00",
				List.of("ai-enabled-design", "synthetic-biology", "detection-verification")), DEMO);
		this.meetings.schedule(new MeetingInput("Codes of conduct in the laboratory", null,
				"An online meeting on codes of conduct, security culture and the responsible conduct of research.",
				"10:00 Opening\n10:10 Three short talks\n10:40 Discussion\n11:30 Close", List.of("Dr Lena Fischer"),
				today.plusDays(75) + "T10:00", today.plusDays(75) + "T11:30", LONDON, null,
				"https://meet.example.org/ssn-codes-of-conduct", 100, null, List.of("biosafety-biosecurity-policy")),
				DEMO);
		this.applications.receiveConfirmedForDemo(new ApplicationInput("Amara", "Nwosu", "amara.nwosu@demo.invalid",
				"University of Bristol", "Virology", "doctoral", "GB",
				List.of("genome-editing", "biosafety-biosecurity-policy"), null,
				"I work on viral vectors and would like to talk with others about dual-use questions in my field.",
				"2026-12-01", List.of(new ApplicationInput.ConsentChoice("digests", "2026-12-01")), null));
		this.applications.receiveConfirmedForDemo(new ApplicationInput("Kenji", "Watanabe",
				"kenji.watanabe@demo.invalid", "Institute for Chemical Research", "Synthetic chemistry", "mid-career",
				"JP", List.of("chemical-synthesis", "ai-enabled-design"), "0000-0002-1825-0097",
				"My group uses automated synthesis planning; I follow the CWC's scientific advisory work.",
				"2026-12-01", List.of(new ApplicationInput.ConsentChoice("directory", "2026-12-01"),
						new ApplicationInput.ConsentChoice("photos", "2026-12-01")),
				null));
		// Members with every kind of choice: a public entry, one for members only, and
		// one
		// who keeps everything private and out of the directory.
		member(new ApplicationInput("Ingrid", "Solberg", "ingrid.solberg@demo.invalid", "University of Oslo",
				"Microbiology", "senior", "NO", List.of("synthetic-biology", "detection-verification"), null,
				"I study environmental surveillance of pathogens.", "2026-12-01", List.of(), null),
				"Environmental surveillance of pathogens, and how monitoring can support the BWC.",
				Map.of("name", "public", "affiliation", "public", "discipline", "public", "country", "public", "topics",
						"public", "bio", "members"),
				true);
		member(new ApplicationInput("Tariq", "Haddad", "tariq.haddad@demo.invalid", "Independent", "Toxicology",
				"mid-career", "JO", List.of("chemical-synthesis"), null,
				"Toxicologist working with laboratories on chemical safety.", "2026-12-01", List.of(), null),
				"Chemical safety and security training for laboratories.",
				Map.of("name", "members", "discipline", "members", "topics", "members", "country", "staff"), true);
		member(new ApplicationInput("Lucia", "Moreno", "lucia.moreno@demo.invalid", "Instituto de Salud",
				"Epidemiology", "early-career", "ES", List.of("biosafety-biosecurity-policy"), null,
				"Epidemiologist, interested in biosafety policy.", "2026-12-01", List.of(), null), "", Map.of(), false);
		log.info("Loaded the network's demo data: 3 meetings, 2 applications waiting for review, 3 members");
	}

	/** An approved member (their account is made as any member's) with this profile. */
	private void member(ApplicationInput application, String bio, Map<String, String> visibility, boolean listed) {
		UUID id = this.applications.receiveConfirmedForDemo(application);
		this.applications.approve(id, DEMO);
		this.profiles.update(id,
				new ProfileInput(application.givenName() + " " + application.familyName(), application.affiliation(),
						application.discipline(), application.country(), application.interests(), bio, null, visibility,
						listed),
				DEMO);
	}

}
