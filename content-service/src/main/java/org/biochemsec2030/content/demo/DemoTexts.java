package org.biochemsec2030.content.demo;

import java.util.List;

import org.biochemsec2030.content.page.PageInput;
import org.biochemsec2030.content.post.PostInput;

/** The demo site's texts. */
final class DemoTexts {

	private DemoTexts() {
	}

	static final List<PageInput> PAGES = List.of(new PageInput("about", "About the project", """
			Bio-Chemical Security 2030 is an 18-month research project on how biological and chemical
			security is governed, and on how it could be governed better.

			Its starting point is simple. Agreements between states, such as the Biological Weapons
			Convention (BWC), the Chemical Weapons Convention (CWC) and UN Security Council resolution
			1540 (2004), remain the backbone of the regime. But they cannot do the job alone. They need
			the people who work at the bench in biology, chemistry and the sciences around them, whose
			view of what science makes possible often differs from that of diplomats and security
			analysts.

			The project therefore works from the bottom up:

			- **Briefing papers** for the BWC and CWC Meetings of States Parties, as a contribution to
			  the conventions' review of science and technology (S&T).
			- **A science and security network** of researchers, begun in South-West England, that
			  meets regularly to discuss developments and their implications.
			- **This website**, with a blog and a mini-blog, to share what we learn.
			- **Tracking of techno-science**: following the developments and trends that matter to the
			  conventions and to resolution 1540, both the risks and the new opportunities for arms
			  control and verification.

			The project is funded under a UK programme on science and security. We want the forum to
			outlive the funding, so everything here is built to be cheap to run and easy to hand over.
			""", 1), new PageInput("first-meeting-report", "Report of the first meeting", """
			## Why we met

			The first meeting opened the project's series of meetings. The programme that funds
			the project asks how risks to defence and security that arise from future S&T can be
			assessed and addressed, and how culture, history, ethics, economics and society shape
			the way science is developed and used. Our contribution is to ask whether the
			governance of bio-chemical security can lean not only on international agreements but
			also on the people doing the research.

			## Background

			Review Conferences of both the BWC and the CWC have stressed that S&T cuts across
			everything the conventions try to achieve. NGOs, academics and States Parties have
			called for better ways of reviewing it. Several themes recur for both regimes:

			- states gain from developing and sharing good practice on S&T;
			- the conventions gain from engaging with the scientific community;
			- the review process needs practical improvements, so that it produces focused,
			  useful information that feeds into decisions;
			- contributors and policy makers need to agree what the review is *for*.

			## What was discussed

			Participants looked at how S&T is reviewed under the BWC and the CWC, and at
			approaches elsewhere, for instance in the animal health (OIE) and OECD settings. They
			asked how the regimes could follow developments more effectively and close gaps in
			international governance.

			There was agreement that monitoring S&T matters for the implementation of resolution
			1540 (2004). The resolution complements the treaty regimes and asks every state to
			promote their universal adoption and full implementation. New science can make it
			harder for states to keep effective control over materials and means of delivery
			related to biological and chemical weapons, and criminals or terrorists may use the
			same open, global channels through which research results and commerce travel.

			An expert on resolution 1540 argued that a complete framework for bio-chemical
			security combines **hard** measures, such as the legislation and regulation the
			resolution requires, with **soft** ones: codes of conduct, a security culture and the
			responsible conduct of science, all backed by continuing vigilance in society. She
			recalled the Security Council's intention to monitor the resolution's implementation
			closely, and resolution 2118 (2013), under which states must report any violation of
			resolution 1540 to the Council without delay.

			Chairing the session on tracking developments in techno-science, she asked
			participants to look beyond risks as well: advances in S&T can also bring new
			approaches to arms control, verification and compliance monitoring.

			## Next steps

			Participants stressed that the forum is useful and should last beyond the project's
			funding. The network will meet again; reports of each meeting will appear here.

			For questions on resolution 1540, the 1540 Committee's Group of Experts can be
			reached through the [committee's website](https://www.un.org/en/sc/1540/).
			""", 2), new PageInput("contact", "Contact", """
			Researchers in biology, chemistry and related fields who would like to join the
			science and security network can apply through the [network pages](/network).

			For anything else, write to the project team; we read every message.
			""", 3));

	static final List<PostInput> POSTS = List.of(post("What the S&T review of the conventions is for",
			"Both weapons conventions review science and technology. A look at why the review needs a clear political purpose.",
			"""
					Every Review Conference of the Biological and the Chemical Weapons Convention
					repeats that science and technology matter to everything the treaties do. Fewer
					ask what the *review* of S&T should deliver.

					Our first meeting kept returning to that question. A review that produces long
					lists of developments does not help delegations decide anything. A useful review:

					1. starts from the decisions states actually face: national implementation,
					   confidence building, verification;
					2. brings in the scientists who know what is feasible now and what is still
					   speculation;
					3. ends in a few clear statements that can be turned into agreements and
					   action.

					We will test these ideas in the briefing papers we prepare for the Meetings of
					States Parties, and we welcome comments from the network.
					""", List.of("biosafety-biosecurity-policy", "detection-verification"), List.of("BWC", "CWC"),
			List.of("s-and-t-review")),
			post("Gene synthesis screening: a soft measure with hard edges",
					"Providers of synthetic DNA screen orders and customers. Why this matters for the BWC and resolution 1540.",
					"""
							Anyone can order custom DNA online. Most responsible providers check two things
							before they ship: *what* is ordered (is the sequence related to a dangerous
							pathogen or toxin?) and *who* orders it (is the customer a real laboratory?).

							This screening is largely voluntary. It is a good example of the "soft"
							measures our first meeting discussed: codes of conduct and a security culture
							among those who do the work. It also touches "hard" obligations: resolution 1540
							asks states to control materials related to biological weapons and to stop
							non-state actors from obtaining them.

							Open questions we want to explore with the network:

							- Can screening keep up as synthesis becomes cheaper and benchtop devices spread?
							- How should AI-assisted design of sequences change what is screened?
							- What could states report about screening in the BWC's confidence-building
							  measures?
							""", List.of("synthetic-biology", "biosafety-biosecurity-policy", "ai-enabled-design"),
					List.of("BWC", "1540"), List.of("screening", "dna-synthesis")),
			post("Resolution 1540 at twenty: why tracking science matters",
					"Resolution 1540 binds every state to keep weapons-related materials away from non-state actors. Science keeps moving the target.",
					"""
							Adopted in 2004, Security Council resolution 1540 obliges every state to prevent
							non-state actors from acquiring nuclear, chemical or biological weapons and their
							means of delivery, and to control the related materials. Resolution 2118 (2013)
							added that states must inform the Council at once of any violation, including the
							acquisition of chemical weapons by non-state actors.

							Developments in science and technology shift what "related materials" and "means
							of delivery" mean in practice. Research results spread openly and quickly, which
							drives the growth of the biotechnology industry, and the same channels can be
							used by those who want to cause harm.

							That is why the project tracks developments in techno-science. Follow the
							[tracker](/tracker) for what we find, and this blog for what we make of it.
							""", List.of("delivery-systems", "biosafety-biosecurity-policy"), List.of("1540"),
					List.of("unscr-1540", "non-state-actors")),
			post("New science, new tools for verification",
					"Advances in S&T create risks, but also new approaches to arms control, verification and compliance monitoring.",
					"""
							Discussions of science and security tend to focus on risks. At our first
							meeting the chair of the session on techno-science asked us to also look at the
							other side: what can new science do *for* the conventions?

							Some candidates we will follow:

							- portable sequencing and field-deployable detection, which could support
							  investigations of alleged use;
							- open-source data and remote sensing for monitoring declared facilities;
							- better forensic methods for tracing chemical agents to their origin.

							None of these replaces political will, but each could make compliance easier to
							demonstrate and violations harder to hide.
							""", List.of("detection-verification"), List.of("BWC", "CWC"), List.of("verification")));

	static final List<String> MICRO_POSTS = List.of(
			"Our first meeting reviewed how the BWC and CWC keep up with science. The report is now on the about pages. #BWC #CWC",
			"Hard measures (laws, export controls) and soft ones (codes of conduct, security culture) work best together. #UNSCR1540",
			"Next briefing paper in preparation: gene synthesis screening and the S&T review. Comments welcome. #BWC",
			"Researchers in South-West England: the science and security network is open to new members. #SSN");

	static final String REPLY = "Reply from the network: screening of benchtop synthesis devices deserves a session of its own.";

	private static PostInput post(String title, String summary, String body, List<String> topics, List<String> regimes,
			List<String> tags) {
		return new PostInput(title, summary, body, List.of("Bio-Chemical Security 2030 team"), topics, regimes, tags,
				null, false, null);
	}

}
