package dev.tollgate.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void firesOnceANightAcrossTheFallBackHour() {
    // 25 Oct 2026: 03:00 CEST becomes 02:00 CET, so 02:00-03:00 happens twice.
    CronSchedule nightly = CronSchedule.of("0 2 * * *", BERLIN);
    List<Instant> fires = nightly.next(Instant.parse("2026-10-23T12:00:00Z"), 4);
    assertThat(fires)
        .containsExactly(
            Instant.parse("2026-10-24T00:00:00Z"), // 02:00 CEST
            Instant.parse("2026-10-25T00:00:00Z"), // 02:00 CEST, the first of two
            Instant.parse("2026-10-26T01:00:00Z"), // 02:00 CET
            Instant.parse("2026-10-27T01:00:00Z"));
  }

  @Test
  void firesOnceInTheSpringForwardGap() {
    // 29 Mar 2026: 02:00 CET becomes 03:00 CEST; 02:00 does not happen that night.
    CronSchedule nightly = CronSchedule.of("0 2 * * *", BERLIN);
    List<Instant> fires = nightly.next(Instant.parse("2026-03-27T12:00:00Z"), 3);
    assertThat(fires).hasSize(3);
    assertThat(fires.get(0)).isEqualTo(Instant.parse("2026-03-28T01:00:00Z"));
    assertThat(fires.get(1)).isEqualTo(Instant.parse("2026-03-29T01:00:00Z")); // 03:00 CEST
    assertThat(fires.get(2)).isEqualTo(Instant.parse("2026-03-30T00:00:00Z"));
  }

  @Test
  void aWallTimeOfTheRepeatedHourFiresOnceEvenWhenAskedDuringItsSecondPass() {
    CronSchedule at0230 = CronSchedule.of("30 2 * * *", BERLIN);
    // 01:10Z is 02:10 CET, the second pass; 02:30 CEST (00:30Z) already fired in the first.
    assertThat(at0230.next(Instant.parse("2026-10-25T01:10:00Z")))
        .isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));
  }

  @Test
  void everyFifteenMinutesAndWeekdays() {
    assertThat(
            CronSchedule.of("*/15 * * * *", ZoneId.of("UTC"))
                .next(Instant.parse("2026-12-02T10:07:00Z"), 2))
        .containsExactly(
            Instant.parse("2026-12-02T10:15:00Z"), Instant.parse("2026-12-02T10:30:00Z"));
    // 5 Dec 2026 is a Saturday: the next weekday 06:30 is Monday 7 Dec.
    assertThat(
            CronSchedule.of("30 6 * * 1-5", ZoneId.of("UTC"))
                .next(Instant.parse("2026-12-04T07:00:00Z")))
        .isEqualTo(Instant.parse("2026-12-07T06:30:00Z"));
  }

  @Test
  void problemsAreNamed() {
    assertThat(CronSchedule.problem("0 2 * * *")).isNull();
    assertThat(CronSchedule.problem("0 2 * *")).isEqualTo("it has 4 fields");
    assertThat(CronSchedule.problem("61 2 * * *")).isNotBlank();
    assertThat(CronSchedule.problem("0 2 * * mon-xyz")).isNotBlank();
    assertThat(CronSchedule.of("0 2 * * *", BERLIN).describe()).contains("Europe/Berlin");
  }
}
