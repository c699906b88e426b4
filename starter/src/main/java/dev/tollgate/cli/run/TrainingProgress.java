package dev.tollgate.cli.run;

import dev.tollgate.cli.common.Show;
import dev.tollgate.stages.TrainProgress;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.common.converter.DataConverter;
import java.util.Locale;
import java.util.Optional;

/**
 * How far the train activity got, read from the running workflow's pending activity: its last
 * heartbeat details are a {@link TrainProgress}. Drawn as a bar when the trainer counts its trees
 * or a training command reports its progress.
 */
final class TrainingProgress {
  /** The activity type of {@code TrainActivities.train}. */
  static final String ACTIVITY_TYPE = "Train";

  private static final int WIDTH = 24;

  private TrainingProgress() {}

  /** The latest progress, or empty before the first heartbeat arrived. */
  static Optional<TrainProgress> of(
      DescribeWorkflowExecutionResponse description, DataConverter converter) {
    return description.getPendingActivitiesList().stream()
        .filter(a -> a.getActivityType().getName().equals(ACTIVITY_TYPE))
        .filter(PendingActivityInfo::hasHeartbeatDetails)
        .findFirst()
        .map(
            a ->
                converter.fromPayloads(
                    0,
                    Optional.of(a.getHeartbeatDetails()),
                    TrainProgress.class,
                    TrainProgress.class));
  }

  /**
   * "training [#########...............] 87/200 trees 44%, 12.3s" (a catalogue trainer), "training
   * [##########..............] 42% epoch 3/10, 12.3s" (a training command, its own words after the
   * percentage) or "loading, 1.2s".
   */
  static String describe(TrainProgress p) {
    StringBuilder s = new StringBuilder(p.phase());
    if (p.fraction() >= 0) {
      int filled = (int) Math.round(p.fraction() * WIDTH);
      s.append(" [").append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
      // A command's fraction is on a scale of its own (done of 1000), not trees: only the share.
      if (!p.byCommand()) s.append(p.done()).append('/').append(p.total()).append(" trees ");
      s.append(String.format(Locale.ROOT, "%.0f%%", 100 * p.fraction()));
      if (p.byCommand() && !p.text().isEmpty()) s.append(' ').append(p.text());
    } else if (p.rows() > 0) {
      s.append(' ').append(p.rows()).append(" rows");
    }
    return s.append(", ").append(Show.duration(p.elapsedMillis())).toString();
  }
}
