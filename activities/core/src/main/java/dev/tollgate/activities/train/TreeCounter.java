package dev.tollgate.activities.train;

import java.util.concurrent.atomic.AtomicInteger;
import smile.util.IterativeAlgorithmController;

/**
 * Smile's per-tree training callback, turned into a {@link TreeProgress} count. Smile's forests
 * report from parallel pool threads in any order, so the trees are counted rather than numbered.
 * Smile's own publisher is given a caller-runs executor and no subscriber: nothing is queued.
 */
final class TreeCounter<T> extends IterativeAlgorithmController<T> {
  private final TreeProgress progress;
  private final int total;
  private final AtomicInteger built = new AtomicInteger();

  TreeCounter(TreeProgress progress, int total) {
    super(Runnable::run, 1);
    this.progress = progress;
    this.total = total;
    progress.built(0, total);
  }

  @Override
  public void submit(T status) {
    progress.built(built.incrementAndGet(), total);
    progress.checkStopped(); // out of Smile's loop (or its parallel stream) with the reason
  }
}
