package dev.tollgate.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.Set;

/**
 * The rules that keep Tollgate's modules as docs/architecture.md draws them (docs/adr/0011). Each
 * module's {@code ArchitectureTest} applies the ones that concern it to its own main classes; the
 * worker's {@code ArchitectureRulesFailTest} shows each rule failing on a fixture that breaks it.
 */
public final class ArchitectureRules {
  private ArchitectureRules() {}

  /** Outside systems' SDKs (and the adapters that wrap them): never in core or workflows. */
  public static final String[] VENDORS = {
    "software.amazon.awssdk..", // AWS SDK v2: S3, ECS (activities/aws)
    "com.amazonaws..", // AWS SDK v1
    "com.slack.api..", // Slack's API client and Bolt (activities/slack, the worker)
    "org.mlflow..", // MLflow's own Java client (Tollgate speaks REST instead, ADR 0006)
    "ai.onnxruntime..", // ONNX Runtime for Java (activities/onnx)
    "dev.tollgate.adapters.." // the adapters themselves: core reaches them through interfaces
  };

  /**
   * Files and the network: what the workflow code may not touch (ADR 0004), with Spring and JDBC.
   */
  public static final String[] IO = {"java.nio.file..", "java.net.."};

  /**
   * Spring and JDBC: the worker's business, never the workflows module's (its client-side helpers,
   * {@code codec} and {@code connect}, included).
   */
  public static final String[] SPRING_AND_JDBC = {
    "java.sql..", "javax.sql..", "com.zaxxer.hikari..", "org.flywaydb..", "org.springframework.."
  };

  /**
   * {@link #IO}, {@code java.io.File*} (File, FileInputStream, FileReader...) and {@link
   * #SPRING_AND_JDBC}: what workflow code may not depend on.
   */
  public static final DescribedPredicate<JavaClass> IO_CLASSES =
      resideInAnyPackage(IO).or(javaIoFiles()).or(resideInAnyPackage(SPRING_AND_JDBC));

  /** The workflows module's workflow packages: what runs inside, or travels with, a workflow. */
  public static final String[] WORKFLOW_PACKAGES = {
    "dev.tollgate.pipeline..",
    "dev.tollgate.guardian..",
    "dev.tollgate.rollback..",
    "dev.tollgate.registry..",
    "dev.tollgate.github..",
    "dev.tollgate.actions..",
    "dev.tollgate.policy..",
    "dev.tollgate.stages..",
    "dev.tollgate.report..",
    "dev.tollgate.spec.."
  };

  /**
   * The spec parser reads spec and policy files and checks their paths and URLs, by design (ADR
   * 0004): these classes of {@code dev.tollgate.spec}, and no other, may do I/O. Never called from
   * workflow code. A new reader of a spec section that resolves files or URLs is added here.
   */
  public static final Set<String> SPEC_PARSER =
      Set.of(
          "dev.tollgate.spec.SpecParser",
          "dev.tollgate.spec.PolicyParser",
          "dev.tollgate.spec.YamlFiles",
          "dev.tollgate.spec.SpecValues",
          "dev.tollgate.spec.DataKeys",
          "dev.tollgate.spec.EcsKeys",
          "dev.tollgate.spec.DeployKeys",
          "dev.tollgate.spec.ScheduleKeys",
          "dev.tollgate.spec.TrackingKeys",
          "dev.tollgate.spec.TrainingKeys",
          "dev.tollgate.spec.TrainingCommandKeys",
          "dev.tollgate.spec.RayKeys",
          "dev.tollgate.spec.SpecPaths");

  /**
   * What the CLI may use of the activities (the rest it reaches through Temporal): the read-only
   * registry of {@code models list|show --home}, the failure the worker app stops with when its
   * registry cannot be opened, how failure text quotes untrusted values, and the data loader whose
   * {@code checkHead} lets {@code tollgate check} read a sample exactly as the train stage reads
   * it.
   */
  public static final Set<String> CLI_ACTIVITIES_API =
      Set.of(
          "dev.tollgate.activities.registry.ReadOnlyRegistry",
          "dev.tollgate.activities.data.DatasetLoader",
          "dev.tollgate.activities.commits.GitProcess",
          "dev.tollgate.activities.commits.GitProcess$Result",
          "dev.tollgate.activities.commits.GitProcess$GitFailure",
          "dev.tollgate.activities.db.RegistryDatabase$RegistryUnavailable",
          "dev.tollgate.activities.Echo");

  /**
   * What the CLI may use of the worker module: the app it starts for {@code demo} and {@code
   * worker}, where it connects, and the client sides of the worker's endpoints that client commands
   * call.
   */
  public static final Set<String> CLI_WORKER_API =
      Set.of(
          "dev.tollgate.worker.WorkerApplication",
          "dev.tollgate.worker.temporal.TemporalTarget",
          "dev.tollgate.worker.temporal.WorkerQueues",
          "dev.tollgate.worker.temporal.WorkerQueueProperties",
          "dev.tollgate.worker.guardian.GuardianLauncher",
          "dev.tollgate.worker.approvals.MtlsDecisionClient",
          "dev.tollgate.worker.approvals.MtlsActionClient");

  /**
   * No cycle between the feature packages under {@code base}: each package directly under it is a
   * slice with everything below it, and {@code base} itself a slice of its own (its classes must
   * not form a cycle with the rest either).
   */
  public static ArchRule noPackageCycles(String base) {
    return SlicesRuleDefinition.slices()
        .assignedFrom(featurePackages(base))
        .should()
        .beFreeOfCycles()
        .as("the feature packages under " + base + " are free of cycles");
  }

  /** No class under {@code base} imports an outside system's SDK or an adapter. */
  public static ArchRule vendorFree(String base) {
    return noClasses()
        .that()
        .resideInAPackage(base + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(VENDORS)
        .as("classes under " + base + " use no vendor SDK and no adapter");
  }

  /**
   * No class in {@code packages} (but the {@link #SPEC_PARSER}) does I/O ({@code java.io.File*},
   * {@link #IO}), uses Spring or JDBC.
   */
  public static ArchRule noIoIn(String... packages) {
    return noClasses()
        .that(resideInAnyPackage(packages).and(not(named(SPEC_PARSER))))
        .should()
        .dependOnClassesThat(IO_CLASSES)
        .as("workflow code does no file, network or JDBC I/O and uses no Spring");
  }

  /** No class under {@code base} uses Spring or JDBC ({@link #SPRING_AND_JDBC}). */
  public static ArchRule noSpringOrJdbc(String base) {
    return noClasses()
        .that()
        .resideInAPackage(base + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SPRING_AND_JDBC)
        .as("classes under " + base + " use no Spring and no JDBC");
  }

  /**
   * Classes in {@code cliPackage} use of the activities, the adapters and the worker only the
   * declared APIs ({@link #CLI_ACTIVITIES_API}, {@link #CLI_WORKER_API}).
   */
  public static ArchRule cliUsesDeclaredApisOnly(String cliPackage) {
    DescribedPredicate<JavaClass> internals =
        resideInAnyPackage("dev.tollgate.activities..", "dev.tollgate.adapters..")
            .and(not(named(CLI_ACTIVITIES_API)))
            .or(resideInAnyPackage("dev.tollgate.worker..").and(not(named(CLI_WORKER_API))));
    return noClasses()
        .that()
        .resideInAPackage(cliPackage + "..")
        .should()
        .dependOnClassesThat(internals)
        .as("the CLI uses only the declared APIs of the activities and the worker");
  }

  /** A class named in {@code names}, or nested in one. */
  private static DescribedPredicate<JavaClass> named(Set<String> names) {
    return DescribedPredicate.describe(
        "named in " + names,
        c -> {
          String name = c.getName();
          int nested = name.indexOf('$');
          return names.contains(name) || nested > 0 && names.contains(name.substring(0, nested));
        });
  }

  private static DescribedPredicate<JavaClass> javaIoFiles() {
    return DescribedPredicate.describe(
        "java.io.File*",
        c -> c.getPackageName().equals("java.io") && c.getSimpleName().startsWith("File"));
  }

  private static SliceAssignment featurePackages(String base) {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass c) {
        String pkg = c.getPackageName();
        if (pkg.equals(base)) return SliceIdentifier.of("(" + base + ")");
        if (!pkg.startsWith(base + ".")) return SliceIdentifier.ignore();
        String rest = pkg.substring(base.length() + 1);
        int dot = rest.indexOf('.');
        return SliceIdentifier.of(dot < 0 ? rest : rest.substring(0, dot));
      }

      @Override
      public String getDescription() {
        return "the packages directly under " + base;
      }
    };
  }
}
