package dev.tollgate.activities.train.command;

import java.io.InputStream;
import java.time.Duration;

/**
 * What {@link Supervision} watches: a training command's process group on the worker ({@link
 * ProcessGroup}) or its container ({@link ContainerRun}). Both stream the command's output, exit,
 * and can be ended as a whole.
 */
public interface Supervised {

  InputStream stdout();

  InputStream stderr();

  /** Waits up to {@code d} for the command to exit; true when it has. */
  boolean waitFor(Duration d) throws InterruptedException;

  /** Called every tick while the command runs (the group learns the sessions it starts). */
  void tick();

  /**
   * Ends everything the command runs: SIGTERM, up to {@code grace}, then SIGKILL. How many
   * processes (or containers) were running when it began.
   */
  int stop(Duration grace) throws InterruptedException;

  /** After a normal exit: ends what the command left behind; how many were left. */
  int afterExit(Duration grace) throws InterruptedException;

  /** The {@code session} file's text while it runs: what a restarted worker would end. */
  String describe();
}
