package dev.tollgate.cli.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Durations the CLI prints read as a spec writes them ({@code 1d}, {@code 90m}), never as
 * java.time's ISO-8601 ({@code PT24H}): {@code schedule describe}'s interval and catch-up window.
 */
class DurationsInOutputTest {

  @Test
  void scheduleDescribeSaysItsIntervalAndCatchUpWindowShort() {
    ScheduleSpec every =
        ScheduleSpec.newBuilder()
            .setIntervals(List.of(new ScheduleIntervalSpec(Duration.ofMinutes(90))))
            .build();
    SchedulePolicy policy =
        SchedulePolicy.newBuilder()
            .setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_BUFFER_ONE)
            .setCatchupWindow(Duration.ofDays(1))
            .setPauseOnFailure(true)
            .build();

    assertThat(ScheduleDescribeCommand.when(every)).isEqualTo("every 90m");
    assertThat(ScheduleDescribeCommand.policy(policy))
        .isEqualTo("overlap buffer_one, catch-up window 1d, pauses on failure");
  }
}
