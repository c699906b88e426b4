package dev.tollgate.benchmarks;

import dev.tollgate.pipeline.DecisionRecord;
import dev.tollgate.pipeline.DecisionRequest;
import dev.tollgate.pipeline.PipelineRequest;
import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.pipeline.RunOptions;
import dev.tollgate.pipeline.TaskQueues;
import dev.tollgate.pipeline.WorkflowIds;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Engine overhead, side by side (issue 12): Tollgate's {@code PipelineWorkflowImpl} with instant
 * stages against a bare SDK workflow of the same five stages, on one in-process Temporal test
 * server (no time skipping), in interleaved rounds so that a changing load hits both alike. Each
 * run is started, approved through an Update as soon as its gate is open (both sides retry a
 * refused Update the same way), and awaited; {@code concurrency} client threads keep runs going.
 *
 * <p>Prints one RESULT line per round and a summary: pipelines per second, process CPU per pipeline
 * (the test server and the worker share the process, as they share a machine), and one run's
 * history (events, bytes, activities, search-attribute upserts, memo updates).
 *
 * <p>{@code benchmarks/engine-overhead.sh [RUNS [ROUNDS [CONCURRENCY]]]}; docs/benchmarks.md.
 */
public final class EngineOverheadBenchmark {
  private static final String BARE_QUEUE = BenchServer.BARE_QUEUE;

  /** Updates the validator refused (sent before the gate opened), in the round that runs. */
  private static final java.util.concurrent.atomic.AtomicLong REFUSED =
      new java.util.concurrent.atomic.AtomicLong();

  private static final String SPEC =
      """
      model: bench
      task: regression
      data:
        train: file:/data/load.csv
        target: load
        features: [temperature, humidity]
        min_rows: 100
      training:
        algorithm: gradient_boosting
      validation:
        thresholds: { rmse: { max: 75 }, r2: { min: 0.7 } }
      approval:
        approvers: [alice, bob]
        timeout: 72h
        on_timeout: reject
      deploy:
        target: local
      """;

  private interface Shape {
    String name();

    /** One whole run: start, approve when the gate opens, await the end; its workflow ID. */
    String runOnce(WorkflowClient client, String id) throws InterruptedException;
  }

  private static final Shape TOLLGATE =
      new Shape() {
        private final PipelineSpec spec = SpecParser.parse(SPEC, "bench.yaml", Path.of("/"));

        @Override
        public String name() {
          return "tollgate";
        }

        @Override
        public String runOnce(WorkflowClient client, String id) throws InterruptedException {
          String workflowId = WorkflowIds.pipeline(spec.model(), id);
          PipelineWorkflow wf =
              client.newWorkflowStub(
                  PipelineWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setTaskQueue(TaskQueues.PIPELINE)
                      .setWorkflowId(workflowId)
                      .build());
          WorkflowClient.start(wf::run, new PipelineRequest(spec, new RunOptions(id, "bench", "")));
          WorkflowStub stub = WorkflowStub.fromTyped(wf);
          ValidatedRuns.await(workflowId);
          approve(
              () ->
                  stub.update(
                      "decide", DecisionRecord.class, new DecisionRequest(true, "alice", "ok")));
          PipelineResult result = stub.getResult(PipelineResult.class);
          if (!result.outcome().name().equals("DEPLOYED"))
            throw new IllegalStateException(result.headline());
          return workflowId;
        }
      };

  private static final Shape BARE =
      new Shape() {
        @Override
        public String name() {
          return "bare";
        }

        @Override
        public String runOnce(WorkflowClient client, String id) throws InterruptedException {
          String workflowId = "bare/" + id;
          BareWorkflow wf =
              client.newWorkflowStub(
                  BareWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setTaskQueue(BARE_QUEUE)
                      .setWorkflowId(workflowId)
                      .build());
          WorkflowClient.start(wf::run, "bench");
          WorkflowStub stub = WorkflowStub.fromTyped(wf);
          ValidatedRuns.await(workflowId);
          approve(() -> stub.update("decide", String.class, "alice"));
          String outcome = stub.getResult(String.class);
          if (!outcome.equals("DEPLOYED")) throw new IllegalStateException(outcome);
          return workflowId;
        }
      };

  /**
   * Sends the Update until the validator takes it: the gate opens in the workflow task that takes
   * the validation's result, so an Update sent just before is refused and sent again, a little
   * later each time (1, 2, 4 ... 16 ms).
   */
  private static void approve(Runnable update) throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        update.run();
        return;
      } catch (WorkflowUpdateException refused) {
        REFUSED.incrementAndGet();
        if (attempt > 1_000) throw refused;
        Thread.sleep(1L << Math.min(attempt, 4));
      }
    }
  }

  record Round(String shape, int round, int runs, double seconds, double cpuSeconds, long refused) {
    double perSecond() {
      return runs / seconds;
    }

    double cpuMillisPerRun() {
      return 1000 * cpuSeconds / runs;
    }
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 32;
    // BENCH_TEMPORAL_ADDRESS / BENCH_SERVER_PID: a real server (benchmarks/engine-overhead.sh
    // --dev-server starts one); else the in-memory test server.
    String address = System.getenv("BENCH_TEMPORAL_ADDRESS");
    long serverPid =
        address == null ? 0 : Long.parseLong(System.getenv().getOrDefault("BENCH_SERVER_PID", "0"));
    // Rounds of both shapes before round 0 to warm the JVM: with one, both shapes still speed up
    // from round to round.
    int jvmWarmupRounds =
        Integer.parseInt(System.getenv().getOrDefault("BENCH_JVM_WARMUP_ROUNDS", "1"));
    System.out.printf(
        Locale.ROOT,
        "engine overhead: %d runs x %d rounds, %d at once, %d JVM warm-up round(s), %s, JDK %s%n",
        runs,
        rounds,
        concurrency,
        jvmWarmupRounds,
        address == null
            ? "a fresh in-memory test server per round"
            : "the dev server at " + address + " (its CPU counted)",
        Runtime.version());
    // Unique workflow IDs per invocation: a real server keeps the runs of earlier invocations.
    String prefix = address == null ? "" : Long.toString(System.currentTimeMillis(), 36) + "-";
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      // The JVM's own warm-up (class loading, JIT) for both shapes on a throwaway server, so
      // that whichever shape goes first in round 0 is not charged for it.
      // A throwaway server per warm-up round, as per measured round (the in-memory one slows).
      for (int w = 0; w < jvmWarmupRounds; w++) {
        try (BenchServer server =
            address == null ? BenchServer.inMemory() : BenchServer.real(address, serverPid)) {
          for (Shape s : List.of(TOLLGATE, BARE)) {
            round(s, -2, runs, prefix + "jvm-" + w + "-", server, pool);
          }
        }
      }
      List<Round> all = new ArrayList<>();
      String[] histories = new String[2];
      for (int r = 0; r < rounds; r++) {
        for (Shape s : r % 2 == 0 ? List.of(TOLLGATE, BARE) : List.of(BARE, TOLLGATE)) {
          // The in-memory test server slows as it holds more finished runs: each round starts on
          // a fresh one, so both shapes meet the same server state.
          try (BenchServer server =
              address == null ? BenchServer.inMemory() : BenchServer.real(address, serverPid)) {
            WorkflowClient client = server.client();
            round(s, -1, Math.max(50, runs / 5), prefix, server, pool); // warm-up, not counted
            Round done = round(s, r, runs, prefix, server, pool);
            all.add(done);
            System.out.printf(
                Locale.ROOT,
                "RESULT\t%s\tround=%d\truns=%d\tseconds=%.2f\tper_second=%.1f\tcpu_ms_per_run=%.2f"
                    + "\trefused_updates=%d%n",
                s.name(),
                r,
                runs,
                done.seconds(),
                done.perSecond(),
                done.cpuMillisPerRun(),
                done.refused());
            histories[s == TOLLGATE ? 0 : 1] =
                describe(client, s.runOnce(client, prefix + "sample-" + r), s.name());
          }
        }
      }
      double tollgateRate = median(all, "tollgate", true);
      double bareRate = median(all, "bare", true);
      double tollgateCpu = median(all, "tollgate", false);
      double bareCpu = median(all, "bare", false);
      System.out.printf(
          Locale.ROOT,
          "SUMMARY\tthroughput tollgate %.1f/s bare %.1f/s ratio %.2fx\tcpu per run tollgate %.2f ms"
              + " bare %.2f ms ratio %.2fx%n",
          tollgateRate,
          bareRate,
          tollgateRate / bareRate,
          tollgateCpu,
          bareCpu,
          tollgateCpu / bareCpu);
      System.out.println("HISTORY\t" + histories[0]);
      System.out.println("HISTORY\t" + histories[1]);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Round round(
      Shape shape, int round, int runs, String prefix, BenchServer server, ExecutorService pool)
      throws Exception {
    WorkflowClient client = server.client();
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    AtomicInteger next = new AtomicInteger();
    REFUSED.set(0);
    double serverCpu0 = server.serverCpuSeconds();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    List<Future<?>> runsDone = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      runsDone.add(
          pool.submit(
              () -> {
                shape.runOnce(client, prefix + "r" + round + "-" + next.incrementAndGet());
                return null;
              }));
    }
    for (Future<?> f : runsDone) f.get();
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9 + (server.serverCpuSeconds() - serverCpu0);
    return new Round(shape.name(), round, runs, seconds, cpu, REFUSED.get());
  }

  private static double median(List<Round> rounds, String shape, boolean rate) {
    double[] v =
        rounds.stream()
            .filter(r -> r.shape().equals(shape))
            .mapToDouble(r -> rate ? r.perSecond() : r.cpuMillisPerRun())
            .sorted()
            .toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** Events, bytes and the commands that cost: one run's history. */
  private static String describe(WorkflowClient client, String workflowId, String shape) {
    var fetched = client.fetchHistory(workflowId);
    var history = fetched.getHistory();
    String dump = System.getenv("BENCH_HISTORY_DIR");
    if (dump != null) {
      // The whole history as JSON, to see where the events and bytes go.
      try {
        java.nio.file.Files.writeString(
            java.nio.file.Path.of(dump, shape + ".json"), fetched.toJson(true));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    List<HistoryEvent> events = history.getEventsList();
    long activities = count(events, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
    long upserts = count(events, EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES);
    long memos = count(events, EventType.EVENT_TYPE_WORKFLOW_PROPERTIES_MODIFIED);
    long tasks = count(events, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
    long largest =
        events.stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
            .mapToLong(HistoryEvent::getSerializedSize)
            .max()
            .orElse(0);
    return String.format(
        Locale.ROOT,
        "%s\tevents=%d\tbytes=%d\tactivities=%d\tworkflow_tasks=%d\tupserts=%d\tmemo_updates=%d"
            + "\tlargest_activity_input_bytes=%d",
        shape,
        events.size(),
        history.getSerializedSize(),
        activities,
        tasks,
        upserts,
        memos,
        largest);
  }

  private static long count(List<HistoryEvent> events, EventType type) {
    return events.stream().filter(e -> e.getEventType() == type).count();
  }
}
