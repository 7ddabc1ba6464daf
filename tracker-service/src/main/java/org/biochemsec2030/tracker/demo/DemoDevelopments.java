package org.biochemsec2030.tracker.demo;

import java.util.List;

/**
 * The demo's developments: which demo items each gathers (by a part of a report's
 * address), the analysts' text and their judgements. Spread over fields, regimes,
 * implications and maturity on purpose; the quarters follow from the items' dates in the
 * demo feeds.
 */
final class DemoDevelopments {

	private DemoDevelopments() {
	}

	/** One analyst's judgement; {@code analyst} indexes {@link DemoTracker#ANALYSTS}. */
	record Judgement(int analyst, String field, List<String> provisions, List<String> implications, int trl,
			int likelihood, int impact, String confidence, List<String> hardMeasures, List<String> softMeasures,
			String rationale) {
	}

	/**
	 * A development to make.
	 *
	 * @param keys a part of the address of each item it gathers
	 * @param summary the analysts' own text (internal when {@code hazard})
	 * @param publicSummary what readers see under the hazard flag (and a summary
	 * otherwise)
	 */
	record Planned(List<String> keys, String title, String summary, String publicSummary, boolean hazard,
			List<Judgement> judgements) {
	}

	/**
	 * The analysts' text of the one hazard-flagged development: it must never reach a
	 * reader (the demo's test looks for it).
	 */
	static final String HAZARD_DETAIL = "Internal: the binder scaffolds, the toxin targets screened and the"
			+ " affinity thresholds reached are listed in the supplementary tables; do not quote them.";

	static final String HAZARD_RATIONALE = "Internal rationale: the screening workflow in the supplement would"
			+ " shorten a design cycle considerably; keep the method detail among analysts.";

	static final List<Planned> ALL = List.of(new Planned(List.of("benchtop-printers-5kb", "demo.2025.0211"),
			"Benchtop gene printers assemble 5,000-base constructs",
			"A desktop instrument now synthesises and assembles constructs of about 5,000 bases overnight, "
					+ "without a core facility. Three sources reported it; one gave the DOI.",
			"Desktop DNA synthesis reaches the length of many genes, which moves sequence screening from "
					+ "providers to the owners of instruments.",
			false,
			List.of(new Judgement(0, "synthetic-biology", List.of("BWC-IV", "1540-OP3"),
					List.of("risk", "governance-need"), 6, 4, 4, "medium",
					List.of("Licensing of benchtop synthesis instruments"),
					List.of("Screening built into instrument software"),
					"Screening at providers no longer covers every order."),
					new Judgement(1, "synthetic-biology", List.of("BWC-IV", "BWC-X"), List.of("risk", "benefit"), 7, 4,
							3, "high", List.of("Customer checks at the point of sale"),
							List.of("Guidance for instrument makers"),
							"Near deployment; benefits for research access are real."))),
			new Planned(List.of("demo.2025.0305", "handheld-mass-spec"),
					"Handheld mass spectrometry identifies nerve agents in the field",
					"A battery-powered mass spectrometer identified nerve agent traces at parts-per-billion levels in "
							+ "field trials.",
					"Field instruments that identify traces of chemical warfare agents on site could support "
							+ "inspections and investigations of alleged use.",
					false,
					List.of(new Judgement(1, "detection-verification", List.of("CWC-VA", "CWC-VI"),
							List.of("verification-opportunity"), 7, 4, 3, "high",
							List.of("Approval of the instrument for inspection use"), List.of("Training of inspectors"),
							"Matches what inspectors already carry, with better identification."),
							new Judgement(2, "detection-verification", List.of("CWC-VA", "2118"),
									List.of("verification-opportunity", "benefit"), 8, 4, 3, "medium",
									List.of("Certified reference libraries"), List.of("Shared test samples"),
									"Already in use by some national teams."))),
			new Planned(List.of("protein-model-toxin-binders", "demo.2025.0514"),
					"Protein language models design binders against protein toxins", HAZARD_DETAIL,
					"A protein design model produced new proteins that bind several toxins. Analysts judge the work "
							+ "relevant to both the misuse and the defence against toxins; its technical detail is kept "
							+ "internal.",
					true,
					List.of(new Judgement(0, "ai-enabled-design", List.of("BWC-I", "BWC-X"), List.of("risk", "benefit"),
							3, 3, 4, "low", List.of("Access controls on design models"),
							List.of("Responsible publication of design methods"), HAZARD_RATIONALE),
							new Judgement(2, "ai-enabled-design", List.of("BWC-I", "BWC-VII"),
									List.of("benefit", "governance-need"), 5, 3, 3, "medium",
									List.of("Screening of design outputs"),
									List.of("Codes of conduct for model developers"), HAZARD_RATIONALE))),
			new Planned(List.of("wastewater-early-warning"), "Wastewater sequencing warns of outbreaks weeks ahead",
					"City-wide wastewater sequencing picked up rising pathogen levels three weeks before clinical reports.",
					"Environmental surveillance gives early warning of outbreaks, useful for assistance and for "
							+ "telling natural outbreaks from deliberate ones.",
					false,
					List.of(new Judgement(1, "detection-verification", List.of("BWC-VII", "BWC-X"),
							List.of("benefit", "verification-opportunity"), 8, 5, 3, "high", List.of(),
							List.of("Sharing of surveillance methods"), "Deployed in several cities."))),
			new Planned(List.of("retrosynthesis-robots", "retrosynthesis-robotic-labs"),
					"Retrosynthesis planning drives robotic chemistry end to end",
					"Route planning software now hands syntheses straight to automated platforms, closing the loop "
							+ "from target to product.",
					"Automated planning and synthesis lower the skill needed to make chemicals, including scheduled "
							+ "ones, and call for oversight of such platforms.",
					false,
					List.of(new Judgement(0, "chemical-synthesis", List.of("CWC-I", "CWC-VI", "1540-OP3"),
							List.of("risk", "governance-need"), 5, 3, 4, "medium",
							List.of("Declarations covering automated platforms"),
							List.of("Screening of requested targets"), "Closed loops are still rare outside industry."),
							new Judgement(2, "ai-enabled-design", List.of("CWC-VI", "1540-OP1"), List.of("risk"), 4, 3,
									4, "medium", List.of(), List.of("Awareness raising among developers"),
									"The planning software is the new part."))),
			new Planned(List.of("demo.2025.0909"), "Prime-edited cattle cleared for farming",
					"A regulator approved the first line of prime-edited cattle, resistant to a viral disease.",
					"Genome editing reaches farms, a benefit for animal health and an example for the peaceful "
							+ "uses the BWC promotes.",
					false,
					List.of(new Judgement(2, "genome-editing", List.of("BWC-X"), List.of("benefit"), 9, 5, 2, "high",
							List.of(), List.of("International exchange on approvals"), "Approved and deployed."))),
			new Planned(List.of("spraying-drone-swarms"), "Drone swarms spray crops under one operator",
					"Dozens of agricultural drones flew as one swarm under a single operator, spraying whole valleys.",
					"Swarms of spraying drones are a new means of delivery that export controls and national measures "
							+ "may need to consider.",
					false,
					List.of(new Judgement(0, "delivery-systems", List.of("1540-OP1", "1540-OP2", "CWC-I"),
							List.of("risk", "governance-need"), 8, 3, 4, "medium",
							List.of("Export controls on swarm control software"), List.of("Industry guidance"),
							"Commercially available."),
							new Judgement(1, "delivery-systems", List.of("1540-OP3"), List.of("risk"), 7, 2, 4, "low",
									List.of("Registration of spraying drones"), List.of(),
									"Swarm control is the new step, not the drones."))),
			new Planned(List.of("demo.2026.0217", "cell-free-kits"),
					"Shelf-stable cell-free kits make proteins anywhere",
					"Freeze-dried cell-free expression kits produced protein after a year at room temperature.",
					"Protein production without a laboratory helps teaching and field medicine and raises questions "
							+ "for national implementation.",
					false,
					List.of(new Judgement(1, "synthetic-biology", List.of("BWC-IV", "BWC-X"),
							List.of("benefit", "governance-need"), 7, 4, 2, "high", List.of(),
							List.of("Guidance for kit suppliers"), "Sold for teaching already."))),
			new Planned(List.of("cloud-lab-access"), "Cloud laboratories open remote access to university groups",
					"Remote-controlled laboratories now accept experiments from any registered research group.",
					"Remote laboratories separate the person running an experiment from the equipment, which changes "
							+ "how access is controlled.",
					false,
					List.of(new Judgement(2, "synthetic-biology", List.of("BWC-IV", "1540-OP3"),
							List.of("risk", "governance-need"), 8, 3, 3, "medium", List.of("Know-your-customer rules"),
							List.of("Shared screening of protocols"), "Operating at scale."))),
			new Planned(List.of("lab-leak-reporting"), "A shared format for reporting laboratory incidents",
					"Five national authorities tested a common format for reporting laboratory incidents for a year.",
					"A common way of reporting laboratory incidents could strengthen biosafety and support "
							+ "confidence-building measures.",
					false,
					List.of(new Judgement(0, "biosafety-biosecurity-policy", List.of("BWC-IV", "BWC-X"),
							List.of("governance-need", "benefit"), 6, 3, 2, "medium", List.of(),
							List.of("Adoption of the format in confidence-building measures"),
							"A trial, not a rule yet."))),
			new Planned(List.of("synthesis-screening-standard"),
					"An international standard for screening gene synthesis orders",
					"Providers adopted common rules for screening customers and sequences; they take effect next year.",
					"Common screening rules for synthesis providers are a soft measure that national laws can build on.",
					false,
					List.of(new Judgement(1, "biosafety-biosecurity-policy", List.of("BWC-IV", "1540-OP2", "1540-OP3"),
							List.of("governance-need"), 8, 4, 3, "high", List.of("Screening required by law"),
							List.of("The standard itself"), "Adopted by most large providers."),
							new Judgement(2, "synthetic-biology", List.of("BWC-IV"),
									List.of("governance-need", "benefit"), 8, 4, 3, "high", List.of(),
									List.of("Audits of providers"), "A synthesis matter as much as a policy one."))),
			new Planned(List.of("demo.2026.0612"), "Microneedle patches deliver vaccines without a cold chain",
					"Microneedle vaccine patches kept their potency at 40 degrees for six months.",
					"Vaccines that need no cold chain make assistance after an outbreak faster.", false,
					List.of(new Judgement(2, "delivery-systems", List.of("BWC-VII", "BWC-X"), List.of("benefit"), 6, 4,
							2, "medium", List.of(), List.of("Stockpiles for assistance"), "Trials under way."))),
			new Planned(List.of("portable-sequencer-field-lab", "portable-sequencers"),
					"Portable sequencers turn field tents into genomics laboratories",
					"Outbreak teams sequenced samples on site within hours in three responses.",
					"Sequencing on site could support investigations of alleged use and assistance to affected "
							+ "states.",
					false,
					List.of(new Judgement(0, "detection-verification", List.of("BWC-VII", "BWC-X"),
							List.of("verification-opportunity", "benefit"), 8, 4, 3, "high",
							List.of("Standard operating procedures for investigations"), List.of("Training"),
							"Proven in real responses."))),
			new Planned(List.of("demo.2026.0825"), "Engineered enzymes destroy organophosphate agents",
					"Engineered enzymes broke down several organophosphates at room temperature, without heat or harsh "
							+ "reagents.",
					"Enzymatic destruction could make destroying chemical weapons and decontamination cheaper and "
							+ "safer.",
					false,
					List.of(new Judgement(1, "chemical-synthesis", List.of("CWC-I", "CWC-XI", "2118"),
							List.of("benefit", "verification-opportunity"), 4, 3, 3, "medium", List.of(),
							List.of("Cooperation on destruction technology"), "Laboratory scale only."))),
			new Planned(List.of("demo.2026.0903"), "Machine learning predicts the toxicity of untested chemicals",
					"A model trained on public data ranked thousands of untested compounds by predicted toxicity.",
					"Toxicity prediction helps chemical safety and could also point to new toxic chemicals; the "
							+ "schedules may need review.",
					false,
					List.of(new Judgement(0, "ai-enabled-design", List.of("CWC-I", "CWC-VI"),
							List.of("risk", "benefit"), 4, 3, 4, "medium", List.of(),
							List.of("Review of the schedules by the Scientific Advisory Board"), "Dual use by nature."),
							new Judgement(2, "chemical-synthesis", List.of("CWC-VI"), List.of("benefit"), 6, 4, 2,
									"high", List.of(), List.of("Publication norms"), "Mostly a safety tool."))),
			new Planned(List.of("ai-lab-assistants", "demo.2026.1020"), "AI lab assistants plan wet-lab protocols",
					"Language-model agents wrote and checked complete protocols for cloud laboratories from a prompt.",
					"Agents that plan laboratory work lower the expertise needed for it, for good and ill.", false,
					List.of(new Judgement(1, "ai-enabled-design", List.of("BWC-I", "BWC-IV", "1540-OP1"),
							List.of("risk", "governance-need"), 4, 3, 4, "low", List.of("Evaluations before release"),
							List.of("Refusal training for hazardous requests"), "Early results, moving fast."),
							new Judgement(0, "ai-enabled-design", List.of("BWC-I"), List.of("risk"), 3, 3, 5, "low",
									List.of(), List.of("Red-teaming"), "Not yet reliable in real laboratories."))),
			new Planned(List.of("export-control-list-update"), "Export control list adds benchtop synthesis equipment",
					"The control list now covers benchtop synthesis instruments above a set length and accuracy.",
					"Export controls catch up with benchtop DNA synthesis.", false,
					List.of(new Judgement(2, "biosafety-biosecurity-policy", List.of("BWC-III", "1540-OP3"),
							List.of("governance-need"), 9, 5, 3, "high", List.of("The control list entry"),
							List.of("Outreach to instrument makers"), "In force."))));

}
