package dev.tollgate.activities.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.models.ModelFormat;
import dev.tollgate.activities.models.Predictions;
import dev.tollgate.activities.models.Predictor;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A swapped-out model is closed after its last request in flight, never under one. */
class RetiringPredictorTest {
  private static final Dataset DATA =
      new Dataset("d.csv", "sha", "y", List.of("x"), new double[1], new double[][] {{1}});

  /** Counts closes; scoring blocks until {@code release} opens, to hold a request in flight. */
  private static final class Held implements Predictor {
    final AtomicInteger closes = new AtomicInteger();
    final CountDownLatch scoring = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public Predictions predict(Dataset data, int[] rows) {
      scoring.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      assertThat(closes.get()).as("closed under a request").isZero();
      return new Predictions(new double[rows.length], null);
    }

    @Override
    public ModelFormat format() {
      return ModelFormat.ONNX;
    }

    @Override
    public byte[] bytes() {
      return new byte[0];
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  @Test
  void anIdleModelIsClosedWhenRetired() {
    Held model = new Held();
    new RetiringPredictor(model).close();
    assertThat(model.closes).hasValue(1);
  }

  @Test
  void aRequestInFlightFinishesBeforeTheModelIsClosedOnce() throws Exception {
    Held model = new Held();
    RetiringPredictor served = new RetiringPredictor(model);
    Thread request = Thread.ofVirtual().start(() -> served.predict(DATA, new int[] {0}));
    model.scoring.await();
    served.close(); // the swap, while the request scores
    assertThat(model.closes).hasValue(0);
    model.release.countDown();
    request.join();
    assertThat(model.closes).hasValue(1);
    served.close();
    assertThat(model.closes).hasValue(1);
    // A request that picked the old version too late is told to route again.
    assertThatThrownBy(() -> served.predict(DATA, new int[] {0}))
        .isInstanceOf(RetiringPredictor.Retired.class);
  }
}
