package dev.tollgate.benchmarks;

import dev.tollgate.guardian.GuardianActivities;
import dev.tollgate.guardian.GuardianRequest;
import dev.tollgate.guardian.GuardianStatus;
import dev.tollgate.guardian.GuardianWorkflow;
import dev.tollgate.guardian.GuardianWorkflowImpl;
import dev.tollgate.guardian.InspectRequest;
import dev.tollgate.guardian.StubPipeline;
import dev.tollgate.pipeline.TaskQueues;
import dev.tollgate.pipeline.WorkflowIds;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.stages.DataInspection;
import io.temporal.api.workflowservice.v1.CountWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Issue 9's benchmark: (1) history length of one guardian per simulated month (time-skipping test
 * server, nightly cron and checks every 6 h, continue-as-new off and on); (2) on a real Temporal
 * server, one worker process holding N guardians (one per model): heap and RSS with all of them
 * asleep, and the time one nightly tick takes across all N, from the fire time to the last of the N
 * runs completed. Runs are a stub pipeline (no training) and the data check a stub, so the figure
 * is the engine's, not Smile's.
 *
 * <p>{@code benchmarks/guardians.sh [N]} starts a dev server and runs this; args: ADDRESS N.
 */
public final class GuardianFleetBenchmark {
  private static final String SCHEDULE =
      """
      model: %s
      data: { train: file:/data/load.csv, target: load, features: [temperature, humidity] }
      training: { algorithm: gradient_boosting }
      approval: { approvers: [alice] }
      schedule:
        cron: "%s"
        drift_check_every: %s
      """;

  /** A data check that finds nothing, instantly. */
  public static final class Calm implements GuardianActivities {
    @Override
    public DataInspection inspect(InspectRequest request) {
      return new DataInspection(
          request.data().train(),
          1,
          null,
          0.0,
          List.of(),
          1000,
          1000L,
          Instant.now().toString(),
          null);
    }
  }

  public static void main(String[] args) throws Exception {
    String address = args.length > 0 ? args[0] : "localhost:7233";
    int fleet = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    monthOfHistory(0);
    monthOfHistory(GuardianRequest.DEFAULT_HISTORY_LIMIT);
    fleetTick(address, fleet);
    System.exit(0);
  }

  private static PipelineSpec spec(String model, String cron, String every) {
    return SpecParser.parse(SCHEDULE.formatted(model, cron, every), model + ".yaml", Path.of("/"));
  }

  /** limit 0: continue-as-new never (the whole month in one history). */
  private static void monthOfHistory(int limit) {
    Instant start = Instant.parse("2026-10-01T00:00:00Z");
    try (TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setInitialTime(start).build())) {
      Worker worker = env.newWorker(TaskQueues.PIPELINE);
      worker.registerWorkflowImplementationTypes(GuardianWorkflowImpl.class, StubPipeline.class);
      worker.registerActivitiesImplementations(new Calm());
      env.start();
      GuardianWorkflow g =
          start(
              env.getWorkflowClient(),
              spec("month", "0 2 * * *", "6h"),
              limit == 0 ? Integer.MAX_VALUE : limit);
      long wall = System.nanoTime();
      env.sleep(Duration.ofDays(30));
      GuardianStatus s = g.status();
      System.out.printf(
          Locale.ROOT,
          "month\tlimit=%s\truns=%d\tcontinued_as_new=%d\thistory_events_now=%d\twall_s=%.1f%n",
          limit == 0 ? "none" : Integer.toString(limit),
          s.runsStarted(),
          s.generation(),
          s.historyLength(),
          (System.nanoTime() - wall) / 1e9);
    }
  }

  private static void fleetTick(String address, int fleet) throws Exception {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    WorkflowClient client = WorkflowClient.newInstance(stubs);
    WorkerFactory factory = WorkerFactory.newInstance(client);
    Worker worker = factory.newWorker(TaskQueues.PIPELINE);
    worker.registerWorkflowImplementationTypes(GuardianWorkflowImpl.class, StubPipeline.class);
    worker.registerActivitiesImplementations(new Calm());
    factory.start();

    // Fire at the start of a minute far enough ahead for every guardian to be enabled and asleep.
    Instant fire =
        Instant.now()
            .plus(Duration.ofSeconds(20 + fleet / 20))
            .truncatedTo(ChronoUnit.MINUTES)
            .plus(Duration.ofMinutes(1));
    var at = fire.atZone(ZoneOffset.UTC);
    String cron = at.getMinute() + " " + at.getHour() + " * * *";
    long enableStart = System.nanoTime();
    for (int i = 0; i < fleet; i++) {
      start(client, spec(String.format(Locale.ROOT, "fleet-%04d", i), cron, "6h"), 0);
    }
    double enableS = (System.nanoTime() - enableStart) / 1e9;
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), fire).toMillis() - 5000));
    System.gc();
    long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    long rss = rssKb();
    long before = completed(stubs);
    long last = before;
    Instant lastChange = Instant.now();
    while (last < before + fleet && Duration.between(lastChange, Instant.now()).toSeconds() < 120) {
      Thread.sleep(200);
      long now = completed(stubs);
      if (now != last) {
        last = now;
        lastChange = Instant.now();
      }
    }
    double tickS = Duration.between(fire, lastChange).toMillis() / 1000.0;
    GuardianStatus one =
        client.newWorkflowStub(GuardianWorkflow.class, WorkflowIds.guardian("fleet-0000")).status();
    System.out.printf(
        Locale.ROOT,
        "fleet\tguardians=%d\tenable_s=%.1f\theap_used_mb_asleep=%.0f\trss_mb_asleep=%.0f\truns_completed=%d\ttick_s=%.1f\thistory_events_per_guardian_after_tick=%d%n",
        fleet,
        enableS,
        heap / 1e6,
        rss / 1e3,
        last - before,
        tickS,
        one.historyLength());
    factory.shutdownNow();
  }

  private static GuardianWorkflow start(WorkflowClient client, PipelineSpec spec, int limit) {
    GuardianWorkflow g =
        client.newWorkflowStub(
            GuardianWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.PIPELINE)
                .setWorkflowId(WorkflowIds.guardian(spec.model()))
                .build());
    WorkflowClient.start(g::run, new GuardianRequest(spec, null, limit));
    return g;
  }

  private static long completed(WorkflowServiceStubs stubs) {
    return stubs
        .blockingStub()
        .countWorkflowExecutions(
            CountWorkflowExecutionsRequest.newBuilder()
                .setNamespace("default")
                .setQuery("WorkflowType = 'PipelineWorkflow' AND ExecutionStatus = 'Completed'")
                .build())
        .getCount();
  }

  private static long rssKb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
    }
    return -1;
  }
}
