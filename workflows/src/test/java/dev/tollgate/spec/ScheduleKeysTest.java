package dev.tollgate.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code schedule}: every key, its default, and each bad value refused on its own key. */
class ScheduleKeysTest {
  private static final String SPEC = MinimalSpec.YAML + "schedule:\n%s\n";

  private static ScheduleSpec parse(String schedule) {
    String indented = "  " + schedule.replace("\n", "\n  ");
    return SpecParser.parse(SPEC.formatted(indented), "e.yaml", Path.of("/specs")).schedule();
  }

  @Test
  void readsEveryKey() {
    ScheduleSpec s =
        parse(
            """
            cron: "0 2 * * *"
            timezone: Europe/Berlin
            drift_check_every: 6h
            drift_data: file:new/load.csv
            retrain_on_drift_share: 0.3
            min_new_rows: 5000
            cooldown: 12h
            overlap: buffer_one
            max_retrains_per_week: 3""");
    assertThat(s.cron()).isEqualTo("0 2 * * *");
    assertThat(s.zone().getId()).isEqualTo("Europe/Berlin");
    assertThat(s.driftCheckEvery()).isEqualTo(Duration.ofHours(6));
    assertThat(s.driftData()).isEqualTo("file:///specs/new/load.csv");
    assertThat(s.driftShareOrDefault()).isEqualTo(0.3);
    assertThat(s.minNewRows()).isEqualTo(5000);
    assertThat(s.cooldownOrDefault()).isEqualTo(Duration.ofHours(12));
    assertThat(s.overlapOrDefault()).isEqualTo(ScheduleSpec.Overlap.BUFFER_ONE);
    assertThat(s.budgetOrDefault()).isEqualTo(3);
  }

  @Test
  void fillsTheDefaults() {
    ScheduleSpec s = parse("cron: \"0 2 * * *\"");
    assertThat(s.timezone()).isEqualTo("UTC");
    assertThat(s.driftCheckEvery()).isNull();
    assertThat(s.inspects()).isFalse();
    assertThat(s.cooldown()).isEqualTo(ScheduleSpec.DEFAULT_COOLDOWN);
    assertThat(s.overlap()).isEqualTo(ScheduleSpec.Overlap.SKIP);
    assertThat(s.maxRetrainsPerWeek()).isEqualTo(7);
    // A data trigger without a cadence gets the default one.
    assertThat(parse("min_new_rows: 100").driftCheckEvery()).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void olderPayloadsWithoutTheNewFieldsGetTheDefaults() {
    ScheduleSpec old = new ScheduleSpec("0 2 * * *", Duration.ofHours(6), null);
    assertThat(old.zone().getId()).isEqualTo("UTC");
    assertThat(old.cooldownOrDefault()).isEqualTo(Duration.ofHours(24));
    assertThat(old.overlapOrDefault()).isEqualTo(ScheduleSpec.Overlap.SKIP);
    assertThat(old.driftShareOrDefault()).isEqualTo(0.5);
    assertThat(old.budgetOrDefault()).isEqualTo(7);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "cron: \\\"0 2 * *\\\"|schedule.cron|expected five fields (minute hour day month weekday) such as \\\"0 2 * * *\\\", got '0 2 * *': it has 4 fields",
        "cron: \\\"0 25 * * *\\\"|schedule.cron|got '0 25 * * *': ",
        "cron: \\\"0 2 * * *\\\"\\ntimezone: Mars/Olympus|schedule.timezone|unknown time zone 'Mars/Olympus'; expected an IANA name such as Europe/Berlin or UTC",
        "drift_check_every: 30s|schedule.drift_check_every|expected at least 1m (each check reads the newest data), got '30s'",
        "drift_check_every: 6h\\ncooldown: 8d|schedule.cooldown|expected at most 7d, the window of max_retrains_per_week, got '8d'",
        "drift_check_every: 6h\\nmax_retrains_per_week: 0|schedule.max_retrains_per_week|expected a whole number from 1 to 1000, got 0",
        "min_new_rows: 0|schedule.min_new_rows|expected a whole number of at least 1, got 0",
        "drift_check_every: 6h\\nretrain_on_drift_share: 1.5|schedule.retrain_on_drift_share|expected a share from 0 to 1",
        "cron: \\\"0 2 * * *\\\"\\noverlap: queue_all|schedule.overlap|expected one of [skip, buffer_one], got 'queue_all'",
        "cron: \\\"0 2 * * *\\\"\\ndrift_data: file:new.csv|schedule.drift_data|is inspected every drift_check_every; set drift_check_every too",
        "drift_check_every: 6h\\ndrift_data: ftp://x/y.csv|schedule.drift_data|expected a file: or s3:// URI, got 'ftp://x/y.csv'",
        "cooldown: 12h|schedule|expected cron, drift_check_every or min_new_rows: nothing would start a run",
        "cron: \\\"0 2 * * *\\\"\\nevery: 1d|schedule.every|unknown key",
      })
  void refusesBadValuesOnTheirKey(String schedule, String key, String expected) {
    assertThatThrownBy(() -> parse(schedule.replace("\\n", "\n").replace("\\\"", "\"")))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("e.yaml: " + key + ": ")
        .hasMessageContaining(expected.replace("\\\"", "\""));
  }
}
