package dev.tollgate.benchmarks;

import dev.tollgate.pipeline.PipelineWorkflowImpl;
import dev.tollgate.pipeline.SearchAttributes;
import dev.tollgate.pipeline.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a round of the engine-overhead benchmark runs, with both shapes' workers polling: the SDK's
 * in-memory test server (fresh per round), or a real server ({@code temporal server start-dev})
 * whose CPU time is counted with the benchmark's own.
 */
interface BenchServer extends AutoCloseable {
  WorkflowClient client();

  /** CPU seconds the server process has used so far (0 for the in-process test server). */
  double serverCpuSeconds();

  @Override
  void close();

  String BARE_QUEUE = "bench-bare";

  /** The in-memory test server, no time skipping (the 72 h gate must not fire). */
  static BenchServer inMemory() {
    TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    SearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), key.getValueType()));
    register(env.newWorker(TaskQueues.PIPELINE), env.newWorker(TaskQueues.TRAINING));
    register(env.newWorker(BARE_QUEUE));
    env.start();
    return new BenchServer() {
      @Override
      public WorkflowClient client() {
        return env.getWorkflowClient();
      }

      @Override
      public double serverCpuSeconds() {
        return 0;
      }

      @Override
      public void close() {
        env.close();
      }
    };
  }

  /**
   * A real server at {@code address} (its search attributes registered when it was started) and its
   * process {@code serverPid}, whose CPU time comes from /proc.
   */
  static BenchServer real(String address, long serverPid) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    WorkflowClient client = WorkflowClient.newInstance(stubs);
    WorkerFactory factory = WorkerFactory.newInstance(client);
    register(factory.newWorker(TaskQueues.PIPELINE), factory.newWorker(TaskQueues.TRAINING));
    register(factory.newWorker(BARE_QUEUE));
    factory.start();
    return new BenchServer() {
      @Override
      public WorkflowClient client() {
        return client;
      }

      @Override
      public double serverCpuSeconds() {
        return processCpuSeconds(serverPid);
      }

      @Override
      public void close() {
        factory.shutdown();
        factory.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        stubs.shutdown();
      }
    };
  }

  private static void register(Worker pipeline, Worker training) {
    InstantStages stages = new InstantStages();
    pipeline.registerWorkflowImplementationTypes(PipelineWorkflowImpl.class);
    pipeline.registerActivitiesImplementations(stages, new dev.tollgate.policy.FixedPolicies());
    training.registerActivitiesImplementations(stages);
  }

  private static void register(Worker bare) {
    bare.registerWorkflowImplementationTypes(BareWorkflow.Impl.class);
    bare.registerActivitiesImplementations(new BareStages.Instant());
  }

  /** utime + stime of a process, from /proc/PID/stat (clock ticks of 1/100 s on Linux). */
  private static double processCpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the command name, which is in parentheses and may hold spaces.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read the server's CPU time", e);
    }
  }
}
