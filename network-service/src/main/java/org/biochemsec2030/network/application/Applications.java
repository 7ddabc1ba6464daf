package org.biochemsec2030.network.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.contracts.network.MemberApproved;
import org.biochemsec2030.network.mail.Mailer;
import org.biochemsec2030.network.support.Conflict;
import org.biochemsec2030.network.support.InvalidInput;
import org.biochemsec2030.network.support.NetworkProperties;
import org.biochemsec2030.network.support.NetworkTopics;
import org.biochemsec2030.network.support.NotFound;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.security.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications to join, from the form to the coordinator's decision. Every answer to an
 * applicant is the same whatever is already known about the address (a member, an open
 * application): what differs goes by mail to that address only, so the form never tells a
 * stranger who is in the network.
 */
@Service
public class Applications {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ApplicationRepository repository;

	private final Mailer mailer;

	private final NetworkTopics topics;

	private final AuditLog audit;

	private final NetworkProperties properties;

	private final Clock clock;

	Applications(ApplicationRepository repository, Mailer mailer, NetworkTopics topics, AuditLog audit,
			NetworkProperties properties, Clock clock) {
		this.repository = repository;
		this.mailer = mailer;
		this.topics = topics;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/** What the applicant is told, whatever happened: look in the inbox. */
	public record Receipt(String status, String message) {

		static final Receipt RECEIVED = new Receipt("received",
				"Thank you. We have sent a message to the address you gave: follow its link to confirm the address, "
						+ "and a coordinator will then read your application.");

	}

	/**
	 * Receives an application. Sent again with the same submission key it has no second
	 * effect; for an address that is already a member, or already has an open
	 * application, nothing new is made and the address gets a kind note instead.
	 */
	@Transactional
	public Receipt submit(ApplicationInput input, String how) {
		ApplicationRules.Checked checked = ApplicationRules.check(input);
		Instant now = this.clock.instant();
		if (checked.submission() != null && !this.repository.firstSubmission(checked.submission(), now)) {
			return Receipt.RECEIVED;
		}
		this.repository.lockAddress(checked.email());
		if (this.repository.isActiveMember(checked.email())) {
			this.mailer.queue(checked.email(), "You are already a member of the science and security network",
					"Hello " + checked.givenName() + ",\n\nsomeone (probably you) applied to join the science and "
							+ "security network with this address, which already belongs to a member. There is "
							+ "nothing more to do: sign in at " + this.properties.link("/account") + ".\n\n"
							+ "If you have forgotten your password, choose \"Forgot password\" when you sign in.\n");
			return Receipt.RECEIVED;
		}
		Optional<ApplicationRepository.Open> open = this.repository.openFor(checked.email());
		if (open.isPresent() && open.get().status() == ApplicationStatus.PENDING) {
			this.mailer.queue(checked.email(), "Your application is with a coordinator", "Hello " + checked.givenName()
					+ ",\n\nwe already have your application to the science and security "
					+ "network, and your address is confirmed. A coordinator will read it and write to you with "
					+ "their decision; there is no need to apply again.\n");
			return Receipt.RECEIVED;
		}
		String token = newToken();
		Instant expires = now.plus(this.properties.applications().verifyWithin());
		if (open.isPresent()) {
			// Unconfirmed: the first application stands; a fresh link replaces the old
			// one.
			this.repository.renewVerification(open.get().id(), hash(token), expires);
		}
		else {
			UUID id = UUID.randomUUID();
			this.repository.insert(id, checked, hash(token), now, expires);
			for (Consents.Purpose purpose : checked.consents()) {
				this.repository.addConsent(id, purpose, now, how);
			}
		}
		this.mailer.queue(checked.email(), "Confirm your address to apply to the science and security network",
				"Hello " + checked.givenName() + ",\n\nthank you for applying to join the science and security "
						+ "network. Please confirm that this address is yours by opening this link:\n\n"
						+ this.properties.link("/network/apply/verify?token=" + token) + "\n\n"
						+ "The link works until " + expires + " (UTC). If you did not apply, ignore this message: "
						+ "the application is deleted unless the address is confirmed.\n");
		return Receipt.RECEIVED;
	}

	/**
	 * Receives an application whose address counts as confirmed, straight into the review
	 * queue: for demo data only (no mail is sent). Returns its id.
	 */
	@Transactional
	public UUID receiveConfirmedForDemo(ApplicationInput input) {
		ApplicationRules.Checked checked = ApplicationRules.check(input);
		Instant now = this.clock.instant();
		UUID id = UUID.randomUUID();
		this.repository.insert(id, checked, hash(newToken()), now,
				now.plus(this.properties.applications().verifyWithin()));
		for (Consents.Purpose purpose : checked.consents()) {
			this.repository.addConsent(id, purpose, now, "demo data");
		}
		this.repository.markVerified(id, now);
		return id;
	}

	/** What a confirmation link led to. */
	public enum Verification {

		CONFIRMED, ALREADY_CONFIRMED

	}

	/**
	 * Confirms the address of the application the link was sent for. Opening the link
	 * again changes nothing; a link past its time is refused and its application deleted.
	 */
	@Transactional(noRollbackFor = NotFound.class)
	public Verification verify(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			throw new NotFound("This confirmation link is not valid.");
		}
		ApplicationRepository.Verification found = this.repository.byVerificationHash(hash(token))
			.orElseThrow(() -> new NotFound(
					"This confirmation link is not valid any more: it may have expired, or a newer one was sent."));
		Instant now = this.clock.instant();
		if (found.status() == ApplicationStatus.UNVERIFIED && now.isAfter(found.expiresAt())) {
			this.repository.delete(found.id());
			throw new NotFound(
					"This confirmation link has expired and the application was deleted: please apply again.");
		}
		Optional<ApplicationStatus> next = ApplicationStatus.Step.VERIFY.from(found.status());
		if (next.isEmpty()) {
			return Verification.ALREADY_CONFIRMED;
		}
		this.repository.markVerified(found.id(), now);
		return Verification.CONFIRMED;
	}

	/** Deletes applications whose address was not confirmed in time; returns how many. */
	@Transactional
	public int expireUnconfirmed(Instant now) {
		return this.repository.deleteExpired(now).size();
	}

	public List<ApplicationView> list(ApplicationStatus status, String text) {
		return this.repository.list(status, text, 200);
	}

	public ApplicationView get(UUID id) {
		return this.repository.find(id, false).orElseThrow(() -> new NotFound("No application " + id));
	}

	/**
	 * One application as staff open it, the look kept in the audit trail (who viewed
	 * whose personal data).
	 */
	@Transactional
	public ApplicationView view(UUID id, Actor actor) {
		ApplicationView application = get(id);
		this.audit.record(actor, "application.viewed", "application:" + id, Map.of());
		return application;
	}

	/**
	 * Approves a confirmed application: the applicant becomes a member at once, their
	 * account is made by {@code AccountProvisioning} (now, or when Keycloak answers
	 * again) and the approval is announced on {@code bcs.network}.
	 */
	@Transactional
	public ApplicationView approve(UUID id, Actor actor) {
		ApplicationView application = this.repository.find(id, true)
			.orElseThrow(() -> new NotFound("No application " + id));
		ApplicationStatus next = step(application, ApplicationStatus.Step.APPROVE);
		if (this.repository.isActiveMember(application.email())) {
			throw new Conflict("This address already belongs to a member.");
		}
		Instant now = this.clock.instant();
		this.repository.decide(id, next, now, actor.name(), null);
		this.repository.insertMember(id, application.email(), now);
		this.topics.announce(new MemberApproved(id.toString(), application.interests(), now));
		this.audit.record(actor, "application.approved", "application:" + id, Map.of());
		this.mailer.queue(application.email(), "Welcome to the science and security network",
				"Hello " + application.givenName() + ",\n\nyour application to join the science and security "
						+ "network has been approved. You will receive a second message shortly with a link to "
						+ "choose your password; then sign in at " + this.properties.link("/account")
						+ " and complete your profile at " + this.properties.link("/network/me") + ".\n");
		return get(id);
	}

	/** Rejects a confirmed application; the reason is mailed to the applicant. */
	@Transactional
	public ApplicationView reject(UUID id, String reason, Actor actor) {
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty() || why.length() > 2000) {
			throw InvalidInput.of("reason", why.isEmpty() ? "Give the reason: it is mailed to the applicant"
					: "Shorten the reason to at most 2000 characters");
		}
		ApplicationView application = this.repository.find(id, true)
			.orElseThrow(() -> new NotFound("No application " + id));
		ApplicationStatus next = step(application, ApplicationStatus.Step.REJECT);
		this.repository.decide(id, next, this.clock.instant(), actor.name(), why);
		this.audit.record(actor, "application.rejected", "application:" + id, Map.of());
		this.mailer.queue(application.email(), "Your application to the science and security network",
				"Hello " + application.givenName() + ",\n\nthank you for applying to join the science and security "
						+ "network. A coordinator has read your application and cannot accept it at present, "
						+ "for this reason:\n\n" + why + "\n\nYou are welcome to write to us if you would like to "
						+ "talk about it.\n");
		return get(id);
	}

	/** Keeps a coordinator's note on an application (empty removes it). */
	@Transactional
	public ApplicationView note(UUID id, String note, Actor actor) {
		String text = (note != null) ? note.strip() : "";
		if (text.length() > 2000) {
			throw InvalidInput.of("note", "Shorten the note to at most 2000 characters");
		}
		this.repository.find(id, true).orElseThrow(() -> new NotFound("No application " + id));
		this.repository.note(id, text.isEmpty() ? null : text);
		this.audit.record(actor, "application.noted", "application:" + id, Map.of());
		return get(id);
	}

	private static ApplicationStatus step(ApplicationView application, ApplicationStatus.Step step) {
		ApplicationStatus current = ApplicationStatus.byCode(application.status()).orElseThrow();
		return step.from(current)
			.orElseThrow(() -> new Conflict("This application is " + current.code() + ": it cannot be "
					+ (step == ApplicationStatus.Step.APPROVE ? "approved" : "rejected")
					+ (current == ApplicationStatus.UNVERIFIED ? " before the applicant confirms the address" : "")
					+ "."));
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
