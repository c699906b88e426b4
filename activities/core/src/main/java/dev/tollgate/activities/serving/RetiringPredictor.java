package dev.tollgate.activities.serving;

import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.models.ModelFormat;
import dev.tollgate.activities.models.Predictions;
import dev.tollgate.activities.models.Predictor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A served model that may be swapped out while requests are still scoring on it: {@link #close()}
 * retires it, and the model underneath (an ONNX session, for one) is closed when the last request
 * in flight has finished, never under one. A request that reaches a retired model gets {@link
 * Retired} and asks the routing again, which by then holds the new version.
 */
final class RetiringPredictor implements Predictor {
  /** Thrown to a request that picked this model just before the swap; it routes again. */
  static final class Retired extends RuntimeException {
    Retired() {
      super("the served version was swapped out", null, false, false);
    }
  }

  private final Predictor model;
  // Requests scoring now; -1 once the model underneath is closed.
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean retired;

  RetiringPredictor(Predictor model) {
    this.model = model;
  }

  @Override
  public Predictions predict(Dataset data, int[] rows) {
    while (true) {
      int n = inFlight.get();
      if (n < 0 || retired) throw new Retired();
      if (inFlight.compareAndSet(n, n + 1)) break;
    }
    try {
      return model.predict(data, rows);
    } finally {
      if (inFlight.decrementAndGet() == 0 && retired) closeIfIdle();
    }
  }

  @Override
  public ModelFormat format() {
    return model.format();
  }

  @Override
  public byte[] bytes() {
    return model.bytes();
  }

  /** Retires the model: closed now when idle, else by the last request in flight. */
  @Override
  public void close() {
    retired = true;
    closeIfIdle();
  }

  private void closeIfIdle() {
    if (inFlight.compareAndSet(0, -1)) model.close();
  }
}
