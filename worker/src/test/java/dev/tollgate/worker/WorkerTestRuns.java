package dev.tollgate.worker;

import dev.tollgate.pipeline.PipelineStatus;
import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.pipeline.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;

/** What the worker app's tests that run a real pipeline share: its data and its approval gate. */
public final class WorkerTestRuns {
  private WorkerTestRuns() {}

  /**
   * Waits until the run asks for approval; fails if it ends first or takes longer than {@code
   * limit}.
   */
  public static void awaitApprovalGate(PipelineWorkflow wf, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      PipelineStatus s = wf.status();
      if (s != null && s.stage() == Stage.AWAITING_APPROVAL) return;
      if (s != null && s.stage() == Stage.COMPLETED) throw new AssertionError("ended early: " + s);
      Thread.sleep(100);
    }
    throw new AssertionError("never reached the approval gate");
  }

  /** Writes {@code rows} rows of y = 3·x1 − 2·x2 + noise (seeded): an easy, real relationship. */
  public static Path writeLinearCsv(Path file, int rows, long seed) throws IOException {
    Random random = new Random(seed);
    StringBuilder csv = new StringBuilder("x1,x2,y\n");
    for (int i = 0; i < rows; i++) {
      double x1 = random.nextDouble() * 10;
      double x2 = random.nextDouble() * 10;
      double y = 3 * x1 - 2 * x2 + random.nextGaussian() * 0.5;
      csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f%n", x1, x2, y));
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, csv);
    return file;
  }
}
