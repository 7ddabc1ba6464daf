package org.biochemsec2030.publishing;

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

/** The package-by-feature rules of STYLE.md, checked on every build. */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.biochemsec2030.publishing");

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
	void theDomainDependsOnNoOutput() {
		noClasses().that()
			.resideInAnyPackage("..publishing.paper..", "..publishing.meeting..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..publishing.site..", "..publishing.cite..", "..publishing.pdf..",
					"..publishing.oai..", "..publishing.search..", "..publishing.schedule..", "..publishing.partner..")
			.check(CLASSES);
	}

	@Test
	void sharedSupportDependsOnNoFeature() {
		noClasses().that()
			.resideInAnyPackage("..publishing.support..", "..publishing.render..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..publishing.paper..", "..publishing.meeting..", "..publishing.site..",
					"..publishing.cite..", "..publishing.pdf..", "..publishing.oai..", "..publishing.search..",
					"..publishing.schedule..", "..publishing.partner..")
			.check(CLASSES);
	}

	@Test
	void meetingsDoNotKnowPapers() {
		noClasses().that()
			.resideInAPackage("..publishing.meeting..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..publishing.paper..")
			.check(CLASSES);
	}

}
