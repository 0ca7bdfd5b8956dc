package dev.shipshape.scorecard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.net.URISyntaxException;
import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine is a plain library: no framework, no persistence, no web. */
class ArchitectureTests {

	private static JavaClasses engine;

	@BeforeAll
	static void importEngine() throws URISyntaxException {
		// Only the module's own classes: scanning the whole classpath for the package is slow.
		Path classes = Path.of(ScorecardCompiler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		engine = new ClassFileImporter().importPath(classes);
	}

	@Test
	void noFrameworkPersistenceOrWeb() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta.persistence..", "javax.persistence..",
					"org.hibernate..", "jakarta.servlet..", "javax.servlet..")
			.check(engine);
	}

	@Test
	void engineDoesNotDependOnItsCommandLine() {
		noClasses().that()
			.resideInAPackage("dev.shipshape.scorecard")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.shipshape.scorecard.cli..")
			.check(engine);
	}

	@Test
	void onlyTheCommandLineReadsJson() {
		noClasses().that().resideInAPackage("dev.shipshape.scorecard").should().dependOnClassesThat()
			.resideInAPackage("tools.jackson..")
			.check(engine);
	}

	@Test
	void importedTheEngine() {
		org.assertj.core.api.Assertions.assertThat(engine.contain(CompiledScorecard.class)).isTrue();
	}

}
