package dev.tollgate.guardian;

import dev.tollgate.pipeline.Trigger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Run ids of the runs a guardian starts, from the time of their trigger, so a tick always names the
 * same run: {@code sched-20261025T0000Z} (a cron fire, to the minute), {@code
 * drift-20261109T060000Z}, {@code volume-...}, {@code manual-...-<n>}.
 */
final class TriggerIds {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private TriggerIds() {}

  static String of(Trigger kind, long at, int sequence) {
    Instant when = Instant.ofEpochMilli(at);
    return switch (kind) {
      case SCHEDULE -> "sched-" + MINUTE.format(when);
      case DRIFT -> "drift-" + SECOND.format(when);
      case VOLUME -> "volume-" + SECOND.format(when);
      case MANUAL -> "manual-" + SECOND.format(when) + "-" + sequence;
      // a guardian never starts these: the delivery workflow names its own runs
      case PUSH, PULL_REQUEST ->
          throw new IllegalArgumentException("a guardian does not start " + kind.value() + " runs");
    };
  }
}
