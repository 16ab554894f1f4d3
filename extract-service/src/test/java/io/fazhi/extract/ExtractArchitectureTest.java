package io.fazhi.extract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** extract-service: api (explain) and messaging (the consumer) use domain; nothing calls up into api. */
class ExtractArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.fazhi.extract");

    @Test
    void theClassesAreThere() {
        assertTrue(
                CLASSES.size() >= 5, "imported " + CLASSES.size() + " classes: the rules below would hold vacuously");
    }

    @Test
    void noCycles() {
        ArchRule rule = slices().matching("io.fazhi.extract.(*)..").should().beFreeOfCycles();
        rule.check(CLASSES);
    }

    @Test
    void domainKnowsNoHttp() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("io.fazhi.extract.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.fazhi.extract.api..", "jakarta.ws.rs..", "org.jboss.resteasy..", "io.fazhi.problems..");
        rule.check(CLASSES);
    }

    @Test
    void messagingDoesNotCallApi() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("io.fazhi.extract.messaging..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.fazhi.extract.api..");
        rule.check(CLASSES);
    }
}
