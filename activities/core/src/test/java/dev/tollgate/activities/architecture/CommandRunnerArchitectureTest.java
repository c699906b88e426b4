package dev.tollgate.activities.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The training command runner knows no Temporal and no Spring: the train activity adapts its
 * heartbeat and cancellation to {@code RunListener}, so the runner is tested with plain processes.
 */
class CommandRunnerArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importPackages("dev.tollgate.activities.train.command");

  @Test
  void theRunnerUsesNeitherTemporalNorSpring() {
    noClasses()
        .that()
        .resideInAPackage("dev.tollgate.activities.train.command..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.temporal..", "org.springframework..")
        .because("the runner is unit-tested with real processes and no Temporal environment")
        .check(CLASSES);
  }
}
