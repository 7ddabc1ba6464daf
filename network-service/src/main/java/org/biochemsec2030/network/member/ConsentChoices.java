package org.biochemsec2030.network.member;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.network.application.ConsentLedger;
import org.biochemsec2030.network.application.Consents;
import org.biochemsec2030.network.digest.Digests;
import org.biochemsec2030.network.directory.Profiles;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.security.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member gives or withdraws one purpose from their profile page. Each change is a row
 * of the ledger (the current text's version, when, how) and an audit entry. Directory and
 * digests are more than a record: withdrawing the directory takes the member out of it
 * (and out of search), giving it lists them; withdrawing digests ends the digest. Giving
 * digests again only records the consent: the member then chooses topics and a frequency
 * on the digest page.
 */
@Service
class ConsentChoices {

	/** How a consent given here is recorded in the ledger. */
	static final String HOW = "profile page";

	private final ConsentLedger ledger;

	private final Profiles profiles;

	private final Digests digests;

	private final AuditLog audit;

	private final Clock clock;

	ConsentChoices(ConsentLedger ledger, Profiles profiles, Digests digests, AuditLog audit, Clock clock) {
		this.ledger = ledger;
		this.profiles = profiles;
		this.digests = digests;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	void change(UUID memberId, Consents.Purpose purpose, boolean give, Actor actor) {
		boolean held = this.ledger.current(memberId, purpose).isPresent();
		if (held == give) {
			// A resent form, or a second tab: already as asked.
			return;
		}
		switch (purpose) {
			case DIRECTORY -> this.profiles.setListed(memberId, give, HOW, actor);
			case DIGESTS -> {
				if (give) {
					this.ledger.give(memberId, purpose, HOW, this.clock.instant());
				}
				else {
					this.digests.forget(memberId);
					this.ledger.withdraw(memberId, purpose, this.clock.instant());
				}
			}
			default -> {
				if (give) {
					this.ledger.give(memberId, purpose, HOW, this.clock.instant());
				}
				else {
					this.ledger.withdraw(memberId, purpose, this.clock.instant());
				}
			}
		}
		this.audit.record(actor, give ? "consent.given" : "consent.withdrawn", "member:" + memberId,
				Map.of("purpose", purpose.code(), "version", purpose.version()));
	}

}
