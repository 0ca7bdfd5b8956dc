package dev.shipshape.scorecard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine is a plain library: no framework, no persistence, no web. */
@AnalyzeClasses(packages = "dev.shipshape.scorecard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule noFramework = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "jakarta.persistence..", "javax.persistence..", "org.hibernate..",
				"jakarta.servlet..", "javax.servlet..");

	@ArchTest
	static final ArchRule engineDoesNotDependOnItsCommandLine = noClasses().that()
		.resideInAPackage("dev.shipshape.scorecard")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.shipshape.scorecard.cli..");

	@ArchTest
	static final ArchRule onlyTheCommandLineReadsJson = noClasses().that()
		.resideInAPackage("dev.shipshape.scorecard")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("tools.jackson..");

}
