package dev.tollgate.cli.schedule;

import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.ModelArgument;
import dev.tollgate.cli.common.Version;
import io.temporal.client.schedules.ScheduleBackfill;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tollgate schedule backfill MODEL --from T --to T}: runs for missed fires. */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Start the runs the native Schedule missed between two times.",
      "The runs the model's native Schedule would have started between --from and --to"
          + " (missed nights), with their own overlap policy (default buffer_all: one after"
          + " another)."
    })
final class ScheduleBackfillCommand extends CliCommand {
  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Mixin ModelArgument model = new ModelArgument();

  @Option(
      names = "--from",
      required = true,
      paramLabel = "TIME",
      description = "Start, ISO-8601 UTC, e.g. 2026-12-01T00:00:00Z.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "TIME", description = "End, ISO-8601 UTC.")
  String to;

  @Option(
      names = "--overlap",
      paramLabel = "POLICY",
      defaultValue = "BUFFER_ALL",
      description =
          "How backfilled runs overlap: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OverlapOption overlap;

  @Override
  protected int execute() {
    Instant start = instant("--from", from);
    Instant end = instant("--to", to);
    if (!end.isAfter(start)) throw new CliFailure(ExitCodes.USAGE, "--to must be after --from");
    NativeSchedules.run(
        connection,
        model.name(),
        h -> h.backfill(List.of(new ScheduleBackfill(start, end, overlap.policy()))));
    out()
        .println(
            "Backfilling " + NativeSchedules.id(model.name()) + " from " + start + " to " + end);
    return ExitCodes.OK;
  }

  private static Instant instant(String option, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new CliFailure(
          ExitCodes.USAGE,
          option + ": expected an ISO-8601 time such as 2026-12-01T00:00:00Z, got '" + text + "'");
    }
  }
}
