package dev.tollgate.benchmarks;

import com.google.protobuf.Timestamp;
import dev.tollgate.cli.run.PipelineStarter;
import dev.tollgate.it.LocalActivityMarker;
import dev.tollgate.pipeline.DecisionRequest;
import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Load on one worker against a real Temporal server (benchmarks/load.sh starts both): {@code
 * PIPELINES} pipelines of different models started at once and approved as they ask, then {@code
 * WAITING} runs of one model all waiting for approval at once, then rejected. Reports what the
 * issue asks: none lost (every run ends with the expected outcome), the worker's peak memory (RSS,
 * sampled from /proc every 500 ms) and each stage's latency from schedule to completion (queueing
 * included: what a person waits for), p50/p95/max, from the runs' histories.
 *
 * <p>{@code java ... LoadBenchmark ADDRESS NAMESPACE SPEC_TEMPLATE WORKER_PID PIPELINES WAITING}
 */
public final class LoadBenchmark {
  private LoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    String address = args[0];
    String namespace = args[1];
    Path template = Path.of(args[2]);
    long workerPid = Long.parseLong(args[3]);
    int pipelines = Integer.parseInt(args[4]);
    int waiting = Integer.parseInt(args[5]);
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    WorkflowClient client =
        WorkflowClient.newInstance(
            service, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
    try (MemorySampler memory = MemorySampler.start(workerPid)) {
      if (pipelines > 0) concurrentPipelines(client, template, pipelines, memory);
      if (waiting > 0) waitingForApproval(client, template, waiting, memory);
    } finally {
      service.shutdownNow();
    }
  }

  /** N models, one run each, started at once; each approved as soon as it asks. */
  private static void concurrentPipelines(
      WorkflowClient client, Path template, int n, MemorySampler memory) throws Exception {
    memory.reset();
    long t0 = System.nanoTime();
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      ids.add(start(client, spec(template, String.format(Locale.ROOT, "load-%03d", i)), "r1"));
    }
    System.out.printf(
        Locale.ROOT, "started %d pipelines in %.1f s%n", n, seconds(System.nanoTime() - t0));
    Map<String, String> outcomes = finish(client, ids, true);
    double wall = seconds(System.nanoTime() - t0);
    report("concurrent pipelines", n, outcomes, "DEPLOYED", wall, memory, latencies(client, ids));
  }

  /** N runs of one model, all waiting for approval at once, then all rejected. */
  private static void waitingForApproval(
      WorkflowClient client, Path template, int n, MemorySampler memory) throws Exception {
    memory.reset();
    long t0 = System.nanoTime();
    PipelineSpec spec = spec(template, "load-waiting");
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= n; i++)
      ids.add(start(client, spec, String.format(Locale.ROOT, "w%04d", i)));
    long asking = 0;
    while (asking < n) {
      Thread.sleep(2000);
      asking =
          client
              .countWorkflows(
                  "TollgateModel = 'load-waiting' AND TollgateStage = 'AWAITING_APPROVAL'"
                      + " AND ExecutionStatus = 'Running'")
              .getCount();
      // A run that ends before it asks (bad data: ROWS under the template's min_rows) would
      // otherwise keep this loop waiting for good.
      long ended =
          client
              .countWorkflows("TollgateModel = 'load-waiting' AND ExecutionStatus != 'Running'")
              .getCount();
      if (ended > 0) {
        throw new IllegalStateException(
            ended + " of " + n + " runs ended before asking for approval: see the worker's log");
      }
      System.out.printf(
          Locale.ROOT,
          "  %.0f s: %d of %d waiting for approval, worker RSS %d MB%n",
          seconds(System.nanoTime() - t0),
          asking,
          n,
          memory.currentMb());
    }
    double allWaiting = seconds(System.nanoTime() - t0);
    long peakWhileWaiting = memory.peakMb();
    System.out.printf(
        Locale.ROOT,
        "all %d waiting after %.1f s; worker peak RSS so far %d MB%n",
        n,
        allWaiting,
        peakWhileWaiting);
    Map<String, String> outcomes = finish(client, ids, false);
    double wall = seconds(System.nanoTime() - t0);
    report("runs waiting for approval", n, outcomes, "REJECTED", wall, memory, Map.of());
  }

  private static PipelineSpec spec(Path template, String model) throws Exception {
    String yaml = Files.readString(template).replace("MODEL_NAME", model);
    Path file = template.resolveSibling(model + ".yaml");
    Files.writeString(file, yaml);
    return SpecParser.parse(file);
  }

  private static String start(WorkflowClient client, PipelineSpec spec, String runId) {
    return PipelineStarter.start(client, spec, runId, "load", "benchmark").workflowId();
  }

  /**
   * Decides every run as it asks (approve or reject, 16 at a time), then waits for all to end; the
   * outcome of each, by workflow id.
   */
  private static Map<String, String> finish(
      WorkflowClient client, List<String> ids, boolean approve) throws Exception {
    Map<String, String> outcomes = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (String id : ids) {
        work.add(
            pool.submit(
                () -> {
                  PipelineWorkflow run = client.newWorkflowStub(PipelineWorkflow.class, id);
                  decideWhenAsked(run, approve);
                  var result =
                      WorkflowStub.fromTyped(run)
                          .getResult(dev.tollgate.pipeline.PipelineResult.class);
                  outcomes.put(id, result.outcome().name());
                  return null;
                }));
      }
      for (Future<?> f : work) f.get();
    } finally {
      pool.shutdownNow();
    }
    return outcomes;
  }

  private static void decideWhenAsked(PipelineWorkflow run, boolean approve) throws Exception {
    while (true) {
      var status = run.status();
      if (status.outcome() != null) return;
      if (status.stage() == dev.tollgate.pipeline.Stage.AWAITING_APPROVAL) {
        run.decide(new DecisionRequest(approve, "alice", approve ? null : "load benchmark"));
        return;
      }
      Thread.sleep(1000);
    }
  }

  /**
   * Per activity type: milliseconds from scheduled to completed, over every run. A local activity
   * (the registry's calls and the notifications, ADRs 0007 and 0008) has no events of its own: its
   * time runs from when the workflow first scheduled it (the marker's {@code firstSkd}) to its
   * marker, recorded with the workflow task that carried its result.
   */
  private static Map<String, List<Long>> latencies(WorkflowClient client, List<String> ids) {
    Map<String, List<Long>> byType = new TreeMap<>();
    for (String id : ids) {
      Map<Long, HistoryEvent> scheduled = new HashMap<>();
      for (HistoryEvent e : client.fetchHistory(id).getEvents()) {
        if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
          scheduled.put(e.getEventId(), e);
        } else if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
          HistoryEvent s =
              scheduled.get(e.getActivityTaskCompletedEventAttributes().getScheduledEventId());
          String type = s.getActivityTaskScheduledEventAttributes().getActivityType().getName();
          byType
              .computeIfAbsent(type, k -> new ArrayList<>())
              .add(millis(e.getEventTime()) - millis(s.getEventTime()));
        } else {
          LocalActivityMarker.of(e)
              .ifPresent(
                  m ->
                      byType
                          .computeIfAbsent(m.type() + " (local)", k -> new ArrayList<>())
                          .add(millis(e.getEventTime()) - m.firstScheduledMillis()));
        }
      }
    }
    return byType;
  }

  private static long millis(Timestamp t) {
    return t.getSeconds() * 1000 + t.getNanos() / 1_000_000;
  }

  private static void report(
      String what,
      int n,
      Map<String, String> outcomes,
      String expected,
      double wall,
      MemorySampler memory,
      Map<String, List<Long>> latencies) {
    long ok = outcomes.values().stream().filter(o -> o.startsWith(expected)).count();
    Map<String, Long> byOutcome = new TreeMap<>();
    outcomes.values().forEach(o -> byOutcome.merge(o, 1L, Long::sum));
    System.out.printf(
        Locale.ROOT,
        "%n== %s: %d runs, %d %s, lost %d, outcomes %s; %.1f s wall; worker peak RSS %d MB%n",
        what,
        n,
        ok,
        expected,
        n - outcomes.size(),
        byOutcome,
        wall,
        memory.peakMb());
    if (!latencies.isEmpty()) {
      System.out.println("stage latency, scheduled to completed (ms):  n  p50  p95  max");
      latencies.forEach(
          (type, ms) -> {
            List<Long> sorted = ms.stream().sorted().toList();
            System.out.printf(
                Locale.ROOT,
                "  %-44s %5d %6d %6d %6d%n",
                type,
                sorted.size(),
                sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                sorted.getLast());
          });
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
