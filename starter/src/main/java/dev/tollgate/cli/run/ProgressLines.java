package dev.tollgate.cli.run;

import dev.tollgate.pipeline.PipelineStatus;
import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.stages.TrainProgress;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DataConverter;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * While a followed run trains, prints the training's progress (the train activity's last heartbeat,
 * as {@code tollgate status} shows it) every few seconds, so a training of minutes is not a silent
 * terminal. A line is printed only when the phase or the tenth of the work changed.
 */
final class ProgressLines {
  private static final long EVERY_MILLIS = 2_000;

  private final PrintWriter out;
  private final DataConverter converter;
  private long lastLook;
  private String lastShown = "";

  /** {@code converter}: the client's, as heartbeat details are payloads too (maybe encrypted). */
  ProgressLines(PrintWriter out, DataConverter converter) {
    this.out = out;
    this.converter = converter;
  }

  void look(PipelineWorkflow workflow, PipelineStatus status) {
    long now = System.currentTimeMillis();
    if (status.stage() != Stage.TRAINING || now - lastLook < EVERY_MILLIS) return;
    lastLook = now;
    Optional<TrainProgress> progress;
    Optional<String> waiting;
    try {
      var description = WorkflowStub.fromTyped(workflow).describe().getRawDescription();
      progress = TrainingProgress.of(description, converter);
      waiting = TrainingWait.of(description, now);
    } catch (RuntimeException notNow) {
      return; // progress is a courtesy: the next look may work, the run goes on either way
    }
    if (progress.isPresent()) show(progress.get());
    else waiting.ifPresent(this::showWaiting);
  }

  /** Once a minute at most: the wait's length changes every look. */
  private void showWaiting(String text) {
    String key = "waiting" + (lastLook / 60_000);
    if (key.equals(lastShown)) return;
    lastShown = key;
    out.println("  " + text);
    out.flush();
  }

  private void show(TrainProgress p) {
    String key = p.phase() + (p.fraction() < 0 ? "" : (int) (p.fraction() * 10));
    if (key.equals(lastShown)) return;
    lastShown = key;
    out.println("  " + TrainingProgress.describe(p));
    out.flush();
  }
}
