package org.biochemsec2030.tracker;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The package-by-feature rules of the style guide, checked on every build. */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.biochemsec2030.tracker");

	@Test
	void controllersAndRepositoriesStayInsideTheirFeature() {
		classes().that()
			.areAnnotatedWith(RestController.class)
			.or()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(Repository.class)
			.should()
			.notHaveModifier(JavaModifier.PUBLIC)
			.check(CLASSES);
	}

	@Test
	void itemsKnowNothingOfSourcesTriageDevelopmentsOrPublication() {
		// Ingestion is the heart of the service: it takes entries and a classifier and
		// needs no other feature, so every feature can use it.
		noClasses().that()
			.resideInAPackage("..tracker.item..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..tracker.source..", "..tracker.triage..", "..tracker.development..",
					"..tracker.assessment..", "..tracker.publication..")
			.check(CLASSES);
	}

	@Test
	void sourcesAndTriageDoNotReachIntoDevelopments() {
		noClasses().that()
			.resideInAnyPackage("..tracker.source..", "..tracker.triage..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..tracker.development..", "..tracker.assessment..", "..tracker.publication..")
			.check(CLASSES);
	}

	@Test
	void developmentsAndAssessmentsKnowNothingOfPublication() {
		// Publication reads both and decides what is public; they never reach back, so no
		// path to a reader goes around the hazard gate.
		noClasses().that()
			.resideInAnyPackage("..tracker.development..", "..tracker.assessment..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..tracker.publication..")
			.check(CLASSES);
		noClasses().that()
			.resideInAPackage("..tracker.development..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..tracker.assessment..")
			.check(CLASSES);
	}

	@Test
	void sharedSupportDependsOnNoFeature() {
		noClasses().that()
			.resideInAPackage("..tracker.support..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..tracker.item..", "..tracker.source..", "..tracker.triage..",
					"..tracker.development..", "..tracker.assessment..", "..tracker.publication..",
					"..tracker.trends..", "..tracker.review..")
			.check(CLASSES);
	}

	@Test
	void reviewExportsReadDevelopmentsOnlyThroughTheHazardGate() {
		// An export is as public as the site: what goes into one is publication's public
		// view, never the analysts' own records.
		noClasses().that()
			.resideInAPackage("..tracker.review..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..tracker.development..", "..tracker.assessment..", "..tracker.item..")
			.check(CLASSES);
	}

}
