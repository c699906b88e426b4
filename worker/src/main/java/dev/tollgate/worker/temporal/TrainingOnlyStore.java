package dev.tollgate.worker.temporal;

import java.nio.file.Path;

/**
 * A worker that polls only training queues usually runs on another host than the pipeline workers
 * (a GPU machine). The model it trains goes to its artifact store, and the pipeline workers load it
 * from theirs to validate, register and serve it: a local folder on the training host is a store
 * they cannot read, and the run would fail later with "artifact missing". Refused at start, where
 * it is certain and cheap to say why; a folder that really is shared (the same host, or a network
 * file system mounted at the same path) is declared with {@code
 * tollgate.worker.shared-artifacts-folder}.
 */
final class TrainingOnlyStore {
  private TrainingOnlyStore() {}

  /**
   * @param artifactsUri {@code tollgate.artifacts.uri}: empty (the home's folder), file:… or s3://…
   * @throws IllegalStateException saying what to set, for a training-only worker on an undeclared
   *     local folder
   */
  static void check(WorkerQueues queues, String artifactsUri, Path home, boolean declaredShared) {
    if (!queues.trainingOnly() || declaredShared) return;
    String uri = artifactsUri == null ? "" : artifactsUri.strip();
    if (!uri.isEmpty() && !uri.startsWith("file:")) return;
    String folder = uri.isEmpty() ? home.resolve("artifacts").toString() : uri.substring(5);
    throw new IllegalStateException(
        "this worker polls only training queues ("
            + String.join(", ", queues.training())
            + ") and stores models in a local folder ("
            + folder
            + "): the pipeline workers, which validate and serve them, would not find them on"
            + " another host. Workers on different hosts must share the artifact store (S3): set"
            + " TOLLGATE_ARTIFACTS=s3://bucket/prefix on every worker. If this folder is the"
            + " pipeline workers' own (same host, or a network file system mounted at the same"
            + " path), set TOLLGATE_WORKER_SHARED_ARTIFACTS_FOLDER=true.");
  }
}
