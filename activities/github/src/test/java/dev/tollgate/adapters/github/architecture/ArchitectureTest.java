package dev.tollgate.adapters.github.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.tollgate.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The adapter's packages are free of cycles. */
class ArchitectureTest {
  /** This module's main classes (its tests and the other modules' classes left out). */
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importPackages("dev.tollgate.adapters.github");

  @Test
  void noPackageCycles() {
    ArchitectureRules.noPackageCycles("dev.tollgate.adapters.github").check(CLASSES);
  }
}
