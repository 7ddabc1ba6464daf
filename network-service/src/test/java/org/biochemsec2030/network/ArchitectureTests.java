package org.biochemsec2030.network;

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
		.importPackages("org.biochemsec2030.network");

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
	void featuresMeetOnlyThroughTheirServices() {
		noClasses().that()
			.resideInAnyPackage("..network.application..", "..network.meeting..", "..network.mail..",
					"..network.directory..", "..network.digest..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..network.review..", "..network.account..", "..network.demo..", "..network.site..",
					"..network.member..")
			.check(CLASSES);
	}

	@Test
	void sharedSupportDependsOnNoFeature() {
		noClasses().that()
			.resideInAnyPackage("..network.support..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..network.application..", "..network.meeting..", "..network.review..",
					"..network.account..", "..network.mail..", "..network.demo..", "..network.site..",
					"..network.directory..", "..network.digest..", "..network.member..")
			.check(CLASSES);
	}

}
