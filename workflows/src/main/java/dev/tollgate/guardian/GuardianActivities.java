package dev.tollgate.guardian;

import dev.tollgate.stages.DataInspection;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The guardian's one piece of I/O: looking at the newest data. */
@ActivityInterface
public interface GuardianActivities {

  /**
   * The newest data against the Production model's stored drift reference (validation's drift code,
   * one implementation) and its row count against what Production was trained on. No Production
   * model yet, or one without a stored reference, is a skipped inspection, not a failure.
   */
  @ActivityMethod
  DataInspection inspect(InspectRequest request);
}
