package dev.tollgate.cli.worker;

import dev.tollgate.cli.approval.ApprovalPrompt;
import dev.tollgate.cli.approval.DecisionSender;
import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.SignalStop;
import dev.tollgate.cli.common.Version;
import dev.tollgate.cli.run.PipelineStarter;
import dev.tollgate.cli.run.ResultPrinter;
import dev.tollgate.cli.run.StageFollower;
import dev.tollgate.cli.run.ValidationSummary;
import dev.tollgate.pipeline.DecisionRecord;
import dev.tollgate.pipeline.DecisionRequest;
import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.pipeline.PipelineStatus;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.worker.temporal.TemporalTarget;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tollgate demo}: the whole stack in one process — embedded Temporal, the worker app and one
 * pipeline run followed stage by stage, with the approval asked on the terminal.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Run one pipeline end to end here, asking you to approve it.",
      "Runs it in this process and asks you at the approval gate. Starts an embedded Temporal server and the worker, then follows one run stage by stage."
          + " Without --spec it uses the bundled energy example and regenerates its dataset first;"
          + " that needs only a JDK. A spec with its own training command (examples/churn-sklearn,"
          + " examples/lightgbm-regressor) needs Python 3 with venv and pip; one with training.runner:"
          + " ray (examples/ray-xgboost) needs a Ray cluster (TOLLGATE_RAY_ADDRESS). The demo says"
          + " what is missing before it starts anything."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Deployed.",
      "1:Not deployed (any other outcome).",
      "2:Bad option or spec, or something the spec needs is missing here (nothing was started)."
    })
public final class DemoCommand extends CliCommand {
  private static final String DATA_ROOTS = "TOLLGATE_DATA_ROOTS";

  @Option(
      names = "--spec",
      paramLabel = "FILE",
      description = "Pipeline spec to run (default: examples/energy/energy-load.yaml).")
  Path specFile;

  @Option(names = "--auto-approve", description = "Answer yes at the approval gate without asking.")
  boolean autoApprove;

  @Option(
      names = "--as",
      paramLabel = "NAME",
      description = "Approver the answer is sent as (default: the spec's first approver).")
  String approver;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      defaultValue = ".tollgate",
      description =
          "Folder for artifacts, the registry, events and logs (default: ${DEFAULT-VALUE}).")
  String home;

  /** Where answers come from; tests replace it. */
  InputStream input = System.in;

  @Override
  protected int execute() {
    PrintWriter out = out();
    Path file = specFile;
    if (file == null) {
      file = Examples.energySpec();
      Path csv = Examples.regenerateEnergyData(file);
      out.println("Generated " + csv + " (synthetic, seeded)");
    }
    PipelineSpec spec = SpecParser.parse(file);
    requirePrerequisites(file, spec);
    String as = approver != null ? approver : spec.approval().approvers().get(0);
    AtomicReference<String> started = new AtomicReference<>();
    SignalStop.install(
        "demo",
        command.commandLine().getErr(),
        () ->
            started.get() == null
                ? "no run had started"
                : "run "
                    + started.get()
                    + " ends with this process (the embedded Temporal server keeps nothing)");

    out.println(
        "Starting the worker and an embedded Temporal server (log: " + home + "/logs/worker.log)");
    out.flush();
    List<String> args = new ArrayList<>(WorkerLauncher.quietEmbeddedArgs(home));
    args.addAll(dataRoots(file, System.getenv(DATA_ROOTS)));
    args.addAll(trainingCommands(spec));
    try (ConfigurableApplicationContext app = WorkerLauncher.start(args)) {
      WorkflowClient client = app.getBean(WorkflowClient.class);
      TemporalTarget target = app.getBean(TemporalTarget.class);
      out.println("Worker ready, " + WorkerLauncher.describe(target));
      PipelineStarter.StartedRun run =
          PipelineStarter.start(
              client,
              spec,
              PipelineStarter.newRunId(),
              System.getProperty("user.name", "demo"),
              "tollgate demo");
      started.set(run.workflowId());
      out.println("Run " + run.workflowId());
      out.println(
          "  (from another terminal: tollgate status "
              + run.shortName()
              + " --address "
              + target.address()
              + ")");
      out.flush();
      StageFollower follower = new StageFollower(out, Duration.ofMillis(250), client);
      PipelineResult result =
          follower.follow(run.workflow(), status -> decide(out, client, spec, run, status, as));
      int exit = ResultPrinter.print(out, result);
      out.println("Artifacts, registry and events: " + Path.of(home).toAbsolutePath());
      out.println("The registry, read directly (no worker needed, nothing changed):");
      out.println("  tollgate models list --home " + home);
      out.println("  tollgate models show " + spec.model() + " --home " + home);
      out.flush();
      return exit;
    }
  }

  /**
   * The demo's worker reads datasets from the folder it was started in, as any worker does, and
   * from the spec's own folder: whoever runs the demo runs its worker too, and the bundled example
   * keeps its data next to its spec wherever ./tollgate is started from. {@value #DATA_ROOTS}, when
   * set, decides instead.
   */
  static List<String> dataRoots(Path spec, String fromEnvironment) {
    if (fromEnvironment != null && !fromEnvironment.isBlank()) return List.of();
    return List.of(
        "--tollgate.data-access.roots[0]=" + Path.of("").toAbsolutePath(),
        "--tollgate.data-access.roots[1]=" + spec.toAbsolutePath().getParent());
  }

  /**
   * Before anything starts: what the spec needs here and does not find (its data, an imported model
   * file, python3 with venv and pip for a Python training command), said plainly, all at once.
   */
  private static void requirePrerequisites(Path file, PipelineSpec spec) {
    List<String> missing = DemoPrerequisites.missing(file, spec, System.getenv("PATH"));
    if (missing.isEmpty()) return;
    throw new CliFailure(
        ExitCodes.USAGE,
        "cannot run "
            + file
            + " here:\n  - "
            + String.join("\n  - ", missing)
            + "\nThe default demo (./tollgate demo, the energy example) needs only a JDK.");
  }

  /**
   * A spec that runs its own training command runs it on the demo's worker: whoever runs the demo
   * runs that worker and the spec's code (or image) on their own machine, so the demo turns the
   * worker's switch on for it (commands, containers or Ray) (a worker started otherwise keeps it
   * off: docs/training-contract.md).
   */
  static List<String> trainingCommands(PipelineSpec spec) {
    var command = spec.training().command();
    if (command == null || command.imported()) return List.of();
    if (command.onRay()) return DemoRayCluster.workerSettings(command.ray());
    return command.inContainer()
        ? List.of("--tollgate.training.containers.enabled=true")
        : List.of("--tollgate.training.commands-enabled=true");
  }

  /** The approval gate: show the figures, ask (or not), send the answer as {@code as}. */
  private void decide(
      PrintWriter out,
      WorkflowClient client,
      PipelineSpec spec,
      PipelineStarter.StartedRun run,
      PipelineStatus status,
      String as) {
    ValidationSummary.print(out, spec, status);
    String version = status.modelVersion() == null ? "" : " v" + status.modelVersion();
    String question = "Approve deployment of " + spec.model() + version + " to production?";
    out.println("Answering as " + as + " (--as NAME to answer as someone else)");
    boolean yes;
    if (autoApprove) {
      out.println(question + " [y/N] y (--auto-approve)");
      yes = true;
    } else {
      yes = new ApprovalPrompt(input, out).ask(question);
    }
    DecisionRequest request =
        new DecisionRequest(
            yes, as, yes ? "approved in tollgate demo" : "rejected in tollgate demo");
    try {
      DecisionRecord recorded = DecisionSender.send(client, run.workflowId(), request);
      out.println("  " + DecisionSender.describe(recorded));
      out.println();
    } catch (CliFailure refused) {
      // Nobody else can answer in a demo: end the run rather than leave it waiting for days.
      WorkflowStub.fromTyped(run.workflow()).terminate("demo: decision refused");
      throw refused;
    }
    out.flush();
  }
}
