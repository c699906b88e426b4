package dev.tollgate.worker.temporal;

import dev.tollgate.activities.StageActivities;
import dev.tollgate.pipeline.PipelineWorkflowImpl;
import dev.tollgate.pipeline.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls both task queues from this process: the pipeline queue (workflows and the light stages) and
 * the training queue. Scale-out is more processes against the same server; a training-only pool
 * would register just the training queue.
 */
@Component
public class PipelineWorkers implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(PipelineWorkers.class);

  private final WorkerFactory factory;
  private final TemporalTarget target;
  private volatile boolean running;

  public PipelineWorkers(WorkflowClient client, StageActivities stages, TemporalTarget target) {
    this.factory = WorkerFactory.newInstance(client);
    this.target = target;
    Worker pipeline = factory.newWorker(TaskQueues.PIPELINE);
    pipeline.registerWorkflowImplementationTypes(PipelineWorkflowImpl.class);
    pipeline.registerActivitiesImplementations(
        stages.validate(), stages.registry(), stages.deploy(), stages.notifyStage());
    factory.newWorker(TaskQueues.TRAINING).registerActivitiesImplementations(stages.train());
  }

  @Override
  public void start() {
    SearchAttributeRegistrar.ensureRegistered(
        factory.getWorkflowClient().getWorkflowServiceStubs(), target.namespace());
    factory.start();
    running = true;
    log.info(
        "polling {} and {} on {} (namespace {}{})",
        TaskQueues.PIPELINE,
        TaskQueues.TRAINING,
        target.address(),
        target.namespace(),
        target.embedded() ? ", embedded server" : "");
  }

  @Override
  public void stop() {
    factory.shutdown();
    factory.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
