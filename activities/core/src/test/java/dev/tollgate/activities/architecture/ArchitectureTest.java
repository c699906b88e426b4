package dev.tollgate.activities.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.tollgate.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** Core: no cycle between its packages, and no vendor SDK or adapter (docs/adr/0011). */
class ArchitectureTest {
  /** This module's main classes (its tests and the other modules' classes left out). */
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importPackages("dev.tollgate.activities");

  @Test
  void noPackageCycles() {
    ArchitectureRules.noPackageCycles("dev.tollgate.activities").check(CLASSES);
  }

  @Test
  void vendorFree() {
    ArchitectureRules.vendorFree("dev.tollgate.activities").check(CLASSES);
  }
}
