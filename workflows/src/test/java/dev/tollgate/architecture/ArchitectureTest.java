package dev.tollgate.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The workflows module: no cycle between its packages, no vendor SDK, no Spring or JDBC anywhere,
 * and no I/O in its workflow packages (the spec parser's file reading excepted, by name: ADR 0004;
 * the client-side {@code codec} and {@code connect} read key and certificate files).
 */
class ArchitectureTest {
  /** This module's main classes (its tests and the other modules' classes left out). */
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importPackages("dev.tollgate");

  @Test
  void noPackageCycles() {
    ArchitectureRules.noPackageCycles("dev.tollgate").check(CLASSES);
  }

  @Test
  void vendorFree() {
    ArchitectureRules.vendorFree("dev.tollgate").check(CLASSES);
  }

  @Test
  void noSpringOrJdbc() {
    ArchitectureRules.noSpringOrJdbc("dev.tollgate").check(CLASSES);
  }

  @Test
  void noIoInWorkflowCode() {
    ArchitectureRules.noIoIn(ArchitectureRules.WORKFLOW_PACKAGES).check(CLASSES);
  }
}
