package io.fazhi.aggregate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The flow of aggregate-service goes one way: api (HTTP resources) and messaging (the section consumer, the status
 * publisher) -> domain (rollup arithmetic, reads, exports) -> persistence (SQL) -> model (plain records). The domain
 * knows nothing of HTTP or Kafka.
 */
class AggregateArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.fazhi.aggregate");

    @Test
    void theClassesAreThere() {
        assertTrue(
                CLASSES.size() >= 5, "imported " + CLASSES.size() + " classes: the rules below would hold vacuously");
    }

    @Test
    void noCycles() {
        ArchRule rule = slices().matching("io.fazhi.aggregate.(*)..").should().beFreeOfCycles();
        rule.check(CLASSES);
    }

    @Test
    void domainKnowsNoHttpAndNoKafka() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("io.fazhi.aggregate.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.fazhi.aggregate.api..",
                        "io.fazhi.aggregate.messaging..",
                        "jakarta.ws.rs..",
                        "org.jboss.resteasy..",
                        "io.vertx.ext.web..",
                        "io.fazhi.problems..",
                        "org.eclipse.microprofile.reactive.messaging..",
                        "org.apache.kafka..")
                .because("the domain says what a rollup is; api and messaging decide how it travels");
        rule.check(CLASSES);
    }

    @Test
    void persistenceAndModelDoNotCallUp() {
        noClasses()
                .that()
                .resideInAPackage("io.fazhi.aggregate.persistence..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.fazhi.aggregate.api..", "io.fazhi.aggregate.domain..", "io.fazhi.aggregate.messaging..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("io.fazhi.aggregate.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.fazhi.aggregate.api..",
                        "io.fazhi.aggregate.domain..",
                        "io.fazhi.aggregate.messaging..",
                        "io.fazhi.aggregate.persistence..")
                .check(CLASSES);
    }

    @Test
    void apiAndMessagingDoNotReachPastTheDomain() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage("io.fazhi.aggregate.api..", "io.fazhi.aggregate.messaging..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.fazhi.aggregate.persistence..")
                .because("SQL is the domain's business, reached through it");
        rule.check(CLASSES);
    }
}
