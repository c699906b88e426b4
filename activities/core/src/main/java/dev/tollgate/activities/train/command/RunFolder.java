package dev.tollgate.activities.train.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * A run's fresh folder under the worker's home, laid out as the contract says:
 *
 * <pre>
 * training-runs/&lt;id&gt;/
 *   input/data/train/train.csv     TOLLGATE_CHANNEL_TRAIN, SM_CHANNEL_TRAIN
 *   input/config/hyperparameters.json  TOLLGATE_HYPERPARAMETERS
 *   model/                         TOLLGATE_MODEL_DIR, SM_MODEL_DIR (empty; the command fills it)
 *   output/                        TOLLGATE_OUTPUT_DIR, SM_OUTPUT_DATA_DIR (metrics.json, failure)
 *   tmp/                           TMPDIR
 *   train.log                      head and tail of the command's output
 *   session                        the process session's id and start time, while it runs
 * </pre>
 *
 * The folder is private to the worker's user (rwx------): the training rows are in it.
 */
public record RunFolder(Path root) {

  public static RunFolder create(Path runsRoot) throws IOException {
    Files.createDirectories(runsRoot);
    Path root = runsRoot.resolve(UUID.randomUUID().toString());
    Files.createDirectory(
        root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    RunFolder run = new RunFolder(root);
    for (Path dir :
        new Path[] {
          run.channelTrain(),
          run.hyperparameters().getParent(),
          run.model(),
          run.output(),
          run.tmp()
        }) {
      Files.createDirectories(dir);
    }
    return run;
  }

  public void fill(TrainRows rows, String hyperparametersJson) throws IOException {
    rows.writeTo(channelTrain().resolve("train.csv"));
    Files.writeString(hyperparameters(), hyperparametersJson);
  }

  public Path channelTrain() {
    return root.resolve("input/data/train");
  }

  public Path hyperparameters() {
    return root.resolve("input/config/hyperparameters.json");
  }

  public Path model() {
    return root.resolve("model");
  }

  public Path output() {
    return root.resolve("output");
  }

  public Path tmp() {
    return root.resolve("tmp");
  }

  public Path trainLog() {
    return root.resolve("train.log");
  }

  public Path sessionFile() {
    return root.resolve("session");
  }
}
