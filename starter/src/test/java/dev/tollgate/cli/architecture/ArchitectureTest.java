package dev.tollgate.cli.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.tollgate.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * The CLI: its packages free of cycles, and of the activities and the worker it uses only the
 * declared APIs (the read-only registry for {@code models --home}; the worker app for {@code demo}
 * and {@code worker}).
 */
class ArchitectureTest {
  /** This module's main classes (its tests and the other modules' classes left out). */
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importPackages("dev.tollgate.cli", "dev.tollgate.examples");

  @Test
  void noPackageCycles() {
    ArchitectureRules.noPackageCycles("dev.tollgate").check(CLASSES);
  }

  /** Between the CLI's own packages too, once its commands are grouped into packages. */
  @Test
  void noPackageCyclesInTheCli() {
    ArchitectureRules.noPackageCycles("dev.tollgate.cli").check(CLASSES);
  }

  @Test
  void declaredApisOnly() {
    ArchitectureRules.cliUsesDeclaredApisOnly("dev.tollgate.cli").check(CLASSES);
  }
}
