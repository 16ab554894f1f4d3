package io.fazhi.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The engine is plain Java: no framework types, and its stage packages do not depend on each other in a cycle. */
class EngineArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.fazhi.engine");

    @Test
    void theClassesAreThere() {
        assertTrue(
                CLASSES.size() >= 5, "imported " + CLASSES.size() + " classes: the rules below would hold vacuously");
    }

    @Test
    void noFrameworkTypes() {
        ArchRule rule = noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.quarkus..",
                        "jakarta..",
                        "javax.inject..",
                        "org.eclipse.microprofile..",
                        "io.smallrye..",
                        "io.vertx..",
                        "org.apache.kafka..",
                        "com.fasterxml.jackson..",
                        "org.hibernate..")
                .because("the engine is a plain-Java library that any service or tool can run");
        rule.check(CLASSES);
    }

    @Test
    void stagesWithoutCycles() {
        ArchRule rule = slices().matching("io.fazhi.engine.(*)..").should().beFreeOfCycles();
        rule.check(CLASSES);
    }
}
