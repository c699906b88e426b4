package dev.tollgate.worker.temporal;

import dev.tollgate.activities.wiring.StageActivities;
import dev.tollgate.github.CommitActivities;
import dev.tollgate.github.GitHubDeliveryWorkflowImpl;
import dev.tollgate.guardian.GuardianWorkflowImpl;
import dev.tollgate.pipeline.DecisionSeal;
import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.pipeline.PipelineWorkflowImpl;
import dev.tollgate.pipeline.TaskQueues;
import dev.tollgate.policy.PolicyActivities;
import dev.tollgate.registry.RegistryWorkflowImpl;
import dev.tollgate.rollback.RollbackWorkflowImpl;
import dev.tollgate.worker.approvals.ApprovalKey;
import dev.tollgate.worker.config.TollgateProperties;
import dev.tollgate.worker.logging.LoggingInterceptor;
import dev.tollgate.worker.policy.PolicyActivitiesImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls the task queues this worker was given ({@link WorkerQueues}, {@code tollgate worker
 * --queues}): by default the pipeline queue (workflows and the light stages) and the default
 * training queue; each other name a training queue with the train activities only. Scale-out is
 * more processes against the same server; a training pool polls only its training queue.
 */
@Component
public class PipelineWorkers implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(PipelineWorkers.class);

  /**
   * Training progress reaches the server (and {@code tollgate status}, the demo's progress lines)
   * every 2 s instead of Temporal's default throttle of 80 % of the 30 s heartbeat timeout: one
   * small call every 2 s per training is nothing next to the training itself.
   */
  private static final WorkerOptions TRAINING_OPTIONS =
      WorkerOptions.newBuilder()
          .setMaxHeartbeatThrottleInterval(Duration.ofSeconds(2))
          .setDefaultHeartbeatThrottleInterval(Duration.ofSeconds(2))
          .build();

  private final WorkerFactory factory;
  private final TemporalTarget target;
  private final Duration shutdownGrace;
  private final WorkerQueues queues;
  private volatile boolean running;

  public PipelineWorkers(
      WorkflowClient client,
      StageActivities stages,
      TemporalTarget target,
      TollgateProperties properties,
      WorkerQueueProperties queueSettings,
      ApprovalKey approvalKey,
      PolicyActivitiesImpl policies,
      // GitHubConfig's, only when tollgate.github.enabled: the delivery workflow's activities
      org.springframework.beans.factory.ObjectProvider<CommitActivities> commits) {
    this.queues = queueSettings.parsed();
    TrainingOnlyStore.check(
        queues,
        properties.artifacts().uri(),
        properties.home(),
        queueSettings.sharedArtifactsFolder());
    this.factory =
        WorkerFactory.newInstance(
            client,
            WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new LoggingInterceptor(), new LivenessInterceptor())
                .build());
    this.target = target;
    this.shutdownGrace = properties.shutdownGrace();
    register(factory, queues, approvalKey.seal(), stages, policies);
    CommitActivities commit = commits.getIfAvailable();
    if (commit != null && queues.pipeline()) {
      factory.getWorker(TaskQueues.PIPELINE).registerActivitiesImplementations(commit);
    }
  }

  /**
   * Registers on {@code factory} what {@code queues} say: the workflows and every stage but
   * training on the pipeline queue; the train and trial activities on each training queue (a
   * training-only worker, a GPU box, runs no workflow).
   *
   * @param seal the approval key's: the decide validator checks the seals of vouched decisions
   */
  static void register(
      WorkerFactory factory,
      WorkerQueues queues,
      DecisionSeal seal,
      StageActivities stages,
      PolicyActivities policies) {
    if (queues.pipeline()) {
      Worker pipeline = factory.newWorker(TaskQueues.PIPELINE);
      pipeline.registerWorkflowImplementationFactory(
          PipelineWorkflow.class, () -> new PipelineWorkflowImpl(seal));
      pipeline.registerWorkflowImplementationTypes(
          GuardianWorkflowImpl.class,
          RegistryWorkflowImpl.class,
          RollbackWorkflowImpl.class,
          GitHubDeliveryWorkflowImpl.class);
      pipeline.registerActivitiesImplementations(
          stages.validate(),
          stages.registry(),
          stages.deploy(),
          stages.notifyStage(),
          stages.guardian(),
          // the approval policy, read by the workflows as local activities
          policies);
    }
    for (String queue : queues.trainingTaskQueues()) {
      factory.newWorker(queue, TRAINING_OPTIONS).registerActivitiesImplementations(stages.train());
    }
  }

  /** What this worker polls. */
  public WorkerQueues queues() {
    return queues;
  }

  @Override
  public void start() {
    SearchAttributeRegistrar.ensureRegistered(
        factory.getWorkflowClient().getWorkflowServiceStubs(), target.namespace());
    factory.start();
    running = true;
    log.info(
        "polling {} on {} (namespace {}{})",
        queues.describe(),
        target.address(),
        target.namespace(),
        target.embedded() ? ", embedded server" : "");
  }

  /**
   * Stops polling, gives the stages in flight {@code shutdownGrace} to finish, then abandons them
   * (threads interrupted, results never reported): on a real server Temporal hands an abandoned
   * attempt to another worker when its heartbeat or start-to-close timeout runs out, so nothing is
   * lost by not waiting for a training that takes minutes, and Ctrl-C stays prompt.
   */
  @Override
  public void stop() {
    factory.shutdown();
    factory.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS);
    if (!factory.isTerminated()) {
      log.warn("stages still running after {}; abandoning them", shutdownGrace);
      factory.shutdownNow();
      factory.awaitTermination(1, TimeUnit.SECONDS);
    }
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
