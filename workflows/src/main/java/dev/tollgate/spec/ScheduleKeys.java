package dev.tollgate.spec;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;

/**
 * Reads {@code schedule}: every key checked on its own path, every default filled in, so the
 * guardian and {@code tollgate schedule status} see what will happen (docs/triggers.md).
 */
final class ScheduleKeys {
  private ScheduleKeys() {}

  static ScheduleSpec read(YamlSection s, Path baseDir) {
    if (s == null) return null;
    s.rejectUnknownKeys(
        Set.of(
            "cron",
            "timezone",
            "drift_check_every",
            "drift_data",
            "retrain_on_drift_share",
            "min_new_rows",
            "cooldown",
            "overlap",
            "max_retrains_per_week"));
    String cron = s.string("cron", false);
    if (cron != null) {
      String problem = CronSchedule.problem(cron);
      if (problem != null) {
        throw s.error(
            "cron",
            "expected five fields (minute hour day month weekday) such as \"0 2 * * *\", got '"
                + cron
                + "': "
                + problem);
      }
    }
    String timezone = timezone(s);
    Duration every = s.duration("drift_check_every", false);
    if (every != null && every.compareTo(ScheduleSpec.SHORTEST_CHECK) < 0) {
      throw s.error(
          "drift_check_every",
          "expected at least 1m (each check reads the newest data), got '"
              + s.string("drift_check_every", false)
              + "'");
    }
    Integer minNewRows = s.integer("min_new_rows", false);
    if (minNewRows != null && minNewRows < 1) {
      throw s.error("min_new_rows", "expected a whole number of at least 1, got " + minNewRows);
    }
    Double share =
        s.has("retrain_on_drift_share")
            ? SpecValues.share(s, "retrain_on_drift_share", ScheduleSpec.DEFAULT_DRIFT_SHARE)
            : null;
    if (every == null && (minNewRows != null || share != null)) {
      every = ScheduleSpec.DEFAULT_CHECK_EVERY; // a data trigger needs checks: the default cadence
    }
    String driftData = SpecValues.datasetUri(s, "drift_data", baseDir);
    if (driftData != null && every == null) {
      throw s.error(
          "drift_data", "is inspected every drift_check_every; set drift_check_every too");
    }
    Duration cooldown = s.duration("cooldown", false);
    if (cooldown != null && cooldown.compareTo(ScheduleSpec.BUDGET_WINDOW) > 0) {
      throw s.error(
          "cooldown",
          "expected at most 7d, the window of max_retrains_per_week, got '"
              + s.string("cooldown", false)
              + "'");
    }
    Integer budget = s.integer("max_retrains_per_week", false);
    if (budget != null && (budget < 1 || budget > 1000)) {
      throw s.error(
          "max_retrains_per_week", "expected a whole number from 1 to 1000, got " + budget);
    }
    ScheduleSpec.Overlap overlap =
        SpecValues.enumValue(s, "overlap", ScheduleSpec.Overlap.class, ScheduleSpec.Overlap.SKIP);
    if (cron == null && every == null) {
      throw new SpecException(
          s.file(),
          "schedule",
          "expected cron, drift_check_every or min_new_rows: nothing would start a run");
    }
    return new ScheduleSpec(
        cron,
        every,
        cooldown == null ? ScheduleSpec.DEFAULT_COOLDOWN : cooldown,
        timezone,
        driftData,
        share == null ? ScheduleSpec.DEFAULT_DRIFT_SHARE : share,
        minNewRows,
        overlap,
        budget == null ? ScheduleSpec.DEFAULT_MAX_RETRAINS : budget);
  }

  private static String timezone(YamlSection s) {
    String zone = s.string("timezone", false);
    if (zone == null) return "UTC";
    try {
      return ZoneId.of(zone).getId();
    } catch (DateTimeException e) {
      throw s.error(
          "timezone",
          "unknown time zone '" + zone + "'; expected an IANA name such as Europe/Berlin or UTC");
    }
  }
}
