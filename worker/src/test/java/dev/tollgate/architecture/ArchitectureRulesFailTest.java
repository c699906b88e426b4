package dev.tollgate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each architecture rule fails on a fixture that breaks it (and the CLI's passes one that keeps to
 * the declared APIs): a rule that cannot fail guards nothing. Here because the worker's test
 * classpath has every vendor SDK, Spring, JDBC, the activities and the adapters.
 */
class ArchitectureRulesFailTest {
  private static final String FIXTURES = "dev.tollgate.architecture.fixtures";

  private static JavaClasses fixtures(String name) {
    return new ClassFileImporter().importPackages(FIXTURES + "." + name);
  }

  private static String violations(ArchRule rule, JavaClasses classes) {
    EvaluationResult result = rule.evaluate(classes);
    assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
    return String.join("\n", result.getFailureReport().getDetails());
  }

  @Test
  void aPackageCycleFails() {
    assertThat(
            violations(ArchitectureRules.noPackageCycles(FIXTURES + ".cycle"), fixtures("cycle")))
        .contains("Upstream", "Downstream");
  }

  @Test
  void aVendorImportOrAnAdapterFails() {
    assertThat(violations(ArchitectureRules.vendorFree(FIXTURES + ".vendor"), fixtures("vendor")))
        .contains("software.amazon.awssdk.services.s3.S3Client")
        .contains("com.slack.api.methods.MethodsClient")
        .contains("dev.tollgate.adapters.mlflow.MlflowTracker");
  }

  @Test
  void fileNetworkJdbcOrSpringInWorkflowCodeFails() {
    assertThat(violations(ArchitectureRules.noIoIn(FIXTURES + ".workflow.."), fixtures("workflow")))
        .contains("java.nio.file.Files", "java.sql.Connection")
        .contains("org.springframework.context.ApplicationContext");
  }

  @Test
  void springOrJdbcAnywhereInTheWorkflowsModuleFails() {
    assertThat(
            violations(
                ArchitectureRules.noSpringOrJdbc(FIXTURES + ".workflow"), fixtures("workflow")))
        .contains("java.sql.Connection", "org.springframework.context.ApplicationContext")
        .doesNotContain("java.nio.file.Files");
  }

  @Test
  void theSpecParserIsExemptByNameAndEachNamedClassNeedsIt() {
    JavaClasses spec =
        new ClassFileImporter()
            .withImportOption(location -> !location.contains("test-classes"))
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.tollgate.spec");
    assertThat(ArchitectureRules.noIoIn("dev.tollgate.spec..").evaluate(spec).hasViolation())
        .isFalse();
    Set<String> doingIo =
        spec.stream()
            .filter(
                c ->
                    c.getDirectDependenciesFromSelf().stream()
                        .anyMatch(d -> ArchitectureRules.IO_CLASSES.test(d.getTargetClass())))
            .map(c -> c.getName().replaceFirst("\\$.*", ""))
            .collect(Collectors.toSet());
    assertThat(doingIo).isEqualTo(ArchitectureRules.SPEC_PARSER);
  }

  @Test
  void theCliReachingIntoTheActivitiesFailsAndTheDeclaredApisPass() {
    assertThat(
            violations(
                ArchitectureRules.cliUsesDeclaredApisOnly(FIXTURES + ".cli"), fixtures("cli")))
        .contains("dev.tollgate.activities.registry.JdbcRegistry");
    assertThat(
            ArchitectureRules.cliUsesDeclaredApisOnly(FIXTURES + ".clipolite")
                .evaluate(fixtures("clipolite"))
                .hasViolation())
        .isFalse();
  }
}
