package dev.tollgate.cli.schedule;

import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import java.util.Locale;

/** {@code --overlap skip|buffer_one|buffer_all|cancel_other|terminate_other|allow_all}. */
enum OverlapOption {
  SKIP,
  BUFFER_ONE,
  BUFFER_ALL,
  CANCEL_OTHER,
  TERMINATE_OTHER,
  ALLOW_ALL;

  ScheduleOverlapPolicy policy() {
    return ScheduleOverlapPolicy.valueOf("SCHEDULE_OVERLAP_POLICY_" + name());
  }

  static String describe(ScheduleOverlapPolicy p) {
    return p.name().replace("SCHEDULE_OVERLAP_POLICY_", "").toLowerCase(Locale.ROOT);
  }
}
