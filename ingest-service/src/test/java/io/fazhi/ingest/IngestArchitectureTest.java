package io.fazhi.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The flow of ingest-service goes one way: api (HTTP resources and inbound event listeners) -> domain -> persistence /
 * messaging. The domain knows nothing of HTTP.
 */
class IngestArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.fazhi.ingest");

    @Test
    void theClassesAreThere() {
        assertTrue(
                CLASSES.size() >= 5, "imported " + CLASSES.size() + " classes: the rules below would hold vacuously");
    }

    @Test
    void noCycles() {
        ArchRule rule = slices().matching("io.fazhi.ingest.(*)..").should().beFreeOfCycles();
        rule.check(CLASSES);
    }

    @Test
    void domainKnowsNoHttp() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("io.fazhi.ingest.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.fazhi.ingest.api..",
                        "jakarta.ws.rs..",
                        "org.jboss.resteasy..",
                        "io.vertx.ext.web..",
                        "io.fazhi.problems..",
                        "io.quarkus.security..")
                .because("domain exceptions say what went wrong; api decides the HTTP status");
        rule.check(CLASSES);
    }

    @Test
    void adaptersDoNotCallUp() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage("io.fazhi.ingest.persistence..", "io.fazhi.ingest.messaging..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.fazhi.ingest.api..", "io.fazhi.ingest.domain..");
        rule.check(CLASSES);
    }
}
