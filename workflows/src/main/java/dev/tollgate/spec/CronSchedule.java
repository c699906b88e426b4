package dev.tollgate.spec;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code schedule.cron} as fire times: a five-field Unix cron read by cron-utils in a time zone.
 * Pure computation over the instant it is given, so the guardian workflow can step it
 * deterministically with {@code Workflow.currentTimeMillis()}.
 *
 * <p>Daylight saving: a wall time that happens twice (the fall-back hour) fires once, at its first
 * occurrence; one that does not happen (the spring-forward gap) fires at the first instant after
 * the gap, as cron does. So "0 2 * * *" fires once every night, whatever the clocks do.
 */
public final class CronSchedule {
  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final String expression;
  private final ZoneId zone;
  private final ExecutionTime times;

  private CronSchedule(String expression, ZoneId zone, Cron cron) {
    this.expression = expression;
    this.zone = zone;
    this.times = ExecutionTime.forCron(cron);
  }

  /** Why {@code expression} is not a five-field cron, or {@code null} when it is one. */
  public static String problem(String expression) {
    if (expression.trim().split("\\s+").length != 5) {
      return "it has " + expression.trim().split("\\s+").length + " fields";
    }
    try {
      PARSER.parse(expression).validate();
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  public static CronSchedule of(String expression, ZoneId zone) {
    return new CronSchedule(expression, zone, PARSER.parse(expression));
  }

  /**
   * The first fire time strictly after {@code after}, or {@code null} if the cron never fires. The
   * cron is stepped over wall-clock times (cron-utils in UTC, which has no daylight saving), and
   * each wall time is then placed in the zone: a time in the spring-forward gap moves forward by
   * the gap, a time of the fall-back hour takes its first occurrence, and a wall time already
   * passed in that hour is not fired again.
   */
  public Instant next(Instant after) {
    LocalDateTime wall = after.atZone(zone).toLocalDateTime();
    for (int guard = 0; guard < 4; guard++) {
      Optional<ZonedDateTime> next = times.nextExecution(wall.atZone(ZoneOffset.UTC));
      if (next.isEmpty()) return null;
      wall = next.get().toLocalDateTime();
      Instant fire = ZonedDateTime.of(wall, zone).toInstant();
      if (fire.isAfter(after)) return fire;
    }
    throw new IllegalStateException("no fire time after " + after + " for " + expression);
  }

  /** The next {@code count} fire times after {@code after}, for {@code status}. */
  public List<Instant> next(Instant after, int count) {
    List<Instant> out = new ArrayList<>();
    Instant at = after;
    while (out.size() < count && (at = next(at)) != null) out.add(at);
    return out;
  }

  /** "at 02:00" and the like, in English. */
  public String describe() {
    return CronDescriptor.instance(Locale.ENGLISH).describe(PARSER.parse(expression))
        + " ("
        + zone.getId()
        + ")";
  }
}
