package dev.tollgate.activities.train.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training rows a command gets, written by the caller straight into the run folder's train
 * channel: the train stage writes its split once, where the command reads it, instead of into a
 * temporary file the runner then copies.
 */
@FunctionalInterface
public interface TrainRows {
  /** Writes the rows as CSV to {@code trainCsv} (the channel's {@code train.csv}). */
  void writeTo(Path trainCsv) throws IOException;

  /** Rows already in a file (tests, tools): copied into the channel. */
  static TrainRows copyOf(Path file) {
    return target -> Files.copy(file, target);
  }
}
