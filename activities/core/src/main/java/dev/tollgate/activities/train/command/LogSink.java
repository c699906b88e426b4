package dev.tollgate.activities.train.command;

/**
 * Where each line of the command's output goes as it arrives (the worker log, tagged with model,
 * run and stage by the activity). Called from the output threads, one per stream.
 */
@FunctionalInterface
public interface LogSink {

  /** Which of the command's streams a line came from. */
  enum Stream {
    STDOUT,
    STDERR
  }

  void line(Stream stream, String line);

  LogSink DISCARD = (stream, line) -> {};
}
