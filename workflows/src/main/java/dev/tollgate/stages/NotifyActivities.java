package dev.tollgate.stages;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Tells people what happened: the log, an events file, and (later) Slack. */
@ActivityInterface
public interface NotifyActivities {

  @ActivityMethod
  void publish(PipelineEvent event);
}
