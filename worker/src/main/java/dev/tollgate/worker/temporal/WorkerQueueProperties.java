package dev.tollgate.worker.temporal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tollgate.worker.*}: which task queues this worker polls (docs/architecture.md, "Task
 * queues and scaling out"; docs/training-contract.md, "Where it runs").
 *
 * @param queues short queue names (TOLLGATE_WORKER_QUEUES, {@code tollgate worker --queues}),
 *     comma-separated, any case: {@code pipeline} (default) = the workflows and every stage; any
 *     other name = a training queue a spec's {@code training.task_queue} routes to
 * @param sharedArtifactsFolder a worker polling only training queues with a local-folder artifact
 *     store refuses to start unless this says that folder is the pipeline workers' own (same host,
 *     or a network file system mounted at the same path) (TOLLGATE_WORKER_SHARED_ARTIFACTS_FOLDER)
 */
@ConfigurationProperties("tollgate.worker")
public record WorkerQueueProperties(
    @DefaultValue("pipeline") List<String> queues,
    @DefaultValue("false") boolean sharedArtifactsFolder) {

  public WorkerQueueProperties {
    queues = queues == null ? List.of() : List.copyOf(queues);
    WorkerQueues.parse(queues); // a bad name stops the worker at start, with the rule
  }

  /** The queues, read. */
  public WorkerQueues parsed() {
    return WorkerQueues.parse(queues);
  }
}
