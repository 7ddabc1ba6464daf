package org.biochemsec2030.network.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.contracts.network.MemberProfileChanged;
import org.biochemsec2030.network.application.ConsentLedger;
import org.biochemsec2030.network.application.Consents;
import org.biochemsec2030.network.application.Countries;
import org.biochemsec2030.network.support.NetworkTopics;
import org.biochemsec2030.network.support.NotFound;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.security.AuditLog;
import org.biochemsec2030.platform.security.Roles;
import org.biochemsec2030.platform.taxonomy.Topic;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' profiles and the directory. A member's profile is made from their application
 * the first time they open it, every field private and out of the directory; they choose
 * who sees each field and whether they are listed (that choice is kept in the consent
 * ledger too). Every answer holds only the fields its viewer may see, and a search only
 * matches on those. Changes are announced as {@code profile.changed} (without data),
 * which keeps site search in step.
 */
@Service
public class Profiles {

	private final ProfileRepository repository;

	private final NetworkTopics topics;

	private final AuditLog audit;

	private final ConsentLedger consents;

	private final Clock clock;

	Profiles(ProfileRepository repository, NetworkTopics topics, AuditLog audit, ConsentLedger consents, Clock clock) {
		this.repository = repository;
		this.consents = consents;
		this.topics = topics;
		this.audit = audit;
		this.clock = clock;
	}

	/** The active member whose Keycloak account this is. */
	public Optional<UUID> memberOfAccount(String keycloakUserId) {
		return this.repository.memberOfAccount(keycloakUserId);
	}

	/** Who the actor is to the directory: staff, a member, or anyone. */
	public static Visibility.Viewer viewer(Optional<Actor> actor) {
		if (actor.isEmpty()) {
			return Visibility.Viewer.ANYONE;
		}
		if (actor.get().hasRole(Roles.COORDINATOR) || actor.get().hasRole(Roles.ADMIN)) {
			return Visibility.Viewer.STAFF;
		}
		return actor.get().hasRole(Roles.MEMBER) ? Visibility.Viewer.MEMBER : Visibility.Viewer.ANYONE;
	}

	/** The member's own profile, made from their application if they have none yet. */
	@Transactional
	public ProfileView mine(UUID memberId) {
		this.repository.createFromApplication(memberId, this.clock.instant());
		return view(this.repository.find(memberId).orElseThrow(() -> new NotFound("No member " + memberId)));
	}

	@Transactional
	public ProfileView update(UUID memberId, ProfileInput input, Actor actor) {
		ProfileRules.Checked checked = ProfileRules.check(input);
		Instant now = this.clock.instant();
		this.repository.createFromApplication(memberId, now);
		ProfileRepository.Row before = this.repository.find(memberId)
			.orElseThrow(() -> new NotFound("No member " + memberId));
		this.repository.update(memberId, checked, now);
		if (checked.listed() && !before.listed()) {
			this.consents.give(memberId, Consents.Purpose.DIRECTORY, "profile page", now);
		}
		else if (!checked.listed() && before.listed()) {
			this.consents.withdraw(memberId, Consents.Purpose.DIRECTORY, now);
		}
		this.topics.announce(new MemberProfileChanged(memberId.toString(), now));
		this.audit.record(actor, "profile.updated", "member:" + memberId, Map.of("listed", checked.listed()));
		return view(this.repository.find(memberId).orElseThrow());
	}

	/**
	 * Lists or unlists the member from the consents on their profile page: the same
	 * choice as the profile form's checkbox, kept in the ledger alike and announced so
	 * that search follows.
	 */
	@Transactional
	public void setListed(UUID memberId, boolean listed, String how, Actor actor) {
		Instant now = this.clock.instant();
		this.repository.createFromApplication(memberId, now);
		this.repository.setListed(memberId, listed, now);
		if (listed) {
			this.consents.give(memberId, Consents.Purpose.DIRECTORY, how, now);
		}
		else {
			this.consents.withdraw(memberId, Consents.Purpose.DIRECTORY, now);
		}
		this.topics.announce(new MemberProfileChanged(memberId.toString(), now));
		this.audit.record(actor, "profile.updated", "member:" + memberId, Map.of("listed", listed));
	}

	/** Takes a member out of the directory (they leave the network). */
	@Transactional
	public void unlist(UUID memberId) {
		Instant now = this.clock.instant();
		this.repository.unlist(memberId, now);
		this.consents.withdraw(memberId, Consents.Purpose.DIRECTORY, now);
	}

	/** Deletes the profile (erasure). */
	@Transactional
	public void forget(UUID memberId) {
		this.repository.delete(memberId);
	}

	/**
	 * The directory as this viewer sees it, filtered by free text, a topic, a discipline
	 * and a country, each matched only on fields the viewer sees. Anyone who is not a
	 * member or staff sees nothing.
	 */
	public List<DirectoryEntry> search(String text, String topic, String discipline, String country,
			Visibility.Viewer viewer) {
		if (viewer == Visibility.Viewer.ANYONE) {
			return List.of();
		}
		return this.repository.search(new ProfileRepository.Query(text, topic, discipline, country), viewer, 200)
			.stream()
			.map(row -> entry(row, viewer))
			.sorted(Comparator.comparing((DirectoryEntry e) -> e.name() == null)
				.thenComparing(e -> (e.name() != null) ? e.name().toLowerCase(java.util.Locale.ROOT)
						: e.memberId().toString()))
			.toList();
	}

	/**
	 * One listed member as this viewer sees them; empty if they are not listed, or if the
	 * viewer would see nothing of them. A signed-in viewer's look is kept in the audit
	 * trail (who viewed whose data).
	 */
	@Transactional
	public Optional<DirectoryEntry> entry(UUID memberId, Optional<Actor> actor) {
		Visibility.Viewer viewer = viewer(actor);
		Optional<DirectoryEntry> entry = this.repository.find(memberId)
			.filter(row -> row.listed() && "active".equals(row.memberStatus()))
			.map(row -> entry(row, viewer))
			.filter(e -> e.name() != null || viewer != Visibility.Viewer.ANYONE);
		if (entry.isPresent() && actor.isPresent()) {
			this.audit.record(actor.get(), "profile.viewed", "member:" + memberId, Map.of());
		}
		return entry;
	}

	/** A profile's public fields and when it last changed. */
	record Public(DirectoryEntry entry, Instant updatedAt) {

	}

	/** The listed profile with only its public fields, if its name is public. */
	Optional<Public> publicEntry(UUID memberId) {
		return this.repository.find(memberId)
			.filter(row -> row.listed() && "active".equals(row.memberStatus()))
			.map(row -> new Public(entry(row, Visibility.Viewer.ANYONE), row.updatedAt()))
			.filter(p -> p.entry().name() != null);
	}

	List<Public> publicEntries() {
		return this.repository.listed()
			.stream()
			.map(row -> new Public(entry(row, Visibility.Viewer.ANYONE), row.updatedAt()))
			.filter(p -> p.entry().name() != null)
			.toList();
	}

	static String url(UUID memberId) {
		return "/network/members/" + memberId;
	}

	private static DirectoryEntry entry(ProfileRepository.Row row, Visibility.Viewer viewer) {
		String country = shown(row, ProfileField.COUNTRY, viewer, row.country());
		return new DirectoryEntry(row.memberId(), url(row.memberId()),
				shown(row, ProfileField.NAME, viewer, row.name()),
				shown(row, ProfileField.AFFILIATION, viewer, row.affiliation()),
				shown(row, ProfileField.DISCIPLINE, viewer, row.discipline()), country,
				(country != null) ? Countries.name(country) : null,
				row.of(ProfileField.TOPICS).shownTo(viewer) ? labels(row.topics()) : List.of(),
				shown(row, ProfileField.BIO, viewer, row.bio()), shown(row, ProfileField.ORCID, viewer, row.orcid()));
	}

	private static String shown(ProfileRepository.Row row, ProfileField field, Visibility.Viewer viewer, String value) {
		return (row.of(field).shownTo(viewer) && value != null && !value.isBlank()) ? value : null;
	}

	static List<String> labels(List<String> slugs) {
		return slugs.stream().flatMap(slug -> Topic.bySlug(slug).stream()).map(Topic::label).toList();
	}

	private static ProfileView view(ProfileRepository.Row row) {
		Map<String, String> visibility = new LinkedHashMap<>();
		for (ProfileField field : ProfileField.values()) {
			visibility.put(field.code(), row.of(field).code());
		}
		return new ProfileView(row.memberId(), url(row.memberId()), row.name(), row.affiliation(), row.discipline(),
				row.country(), row.topics(), row.bio(), row.orcid(), visibility, row.listed(), row.updatedAt());
	}

}
