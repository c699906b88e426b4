package dev.tollgate.activities.train.ray;

import dev.tollgate.activities.Echo;
import dev.tollgate.activities.train.command.CommandOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a Ray job that ended without a manifest means for the stage (docs/wip/i26-protocol.md,
 * "Ray's job states"): a runtime_env that could not be set up and any other error of Ray's fail for
 * good (the same job would fail again); the entrypoint's node dying and an outage are worth another
 * attempt; a job stopped by someone else is a failure. Ray's text is never quoted raw: colours
 * stripped, the last lines only, capped.
 */
final class RayErrors {
  static final String COMMAND_ERROR = "JOB_ENTRYPOINT_COMMAND_ERROR";
  static final String RUNTIME_ENV = "RUNTIME_ENV_SETUP_FAILURE";
  static final String NODE_DIED = "JOB_SUPERVISOR_ACTOR_DIED";
  static final int MAX_QUOTE = 1_200;

  private RayErrors() {}

  /** The failure of a terminal job whose launcher left no manifest. */
  static CommandOutcome.Failed withoutManifest(
      Path run, RayJobs.Job job, String address, List<String> logTail) {
    String id = job.submissionId();
    String type = job.errorType();
    if (job.status() == RayJobs.Status.STOPPED) {
      return failed(run, "Ray job " + id + " at " + address + " was stopped outside Tollgate", -1);
    }
    if (RUNTIME_ENV.equals(type)) {
      return failed(
          run,
          "Ray could not set up the job's runtime_env: " + quote(errorLines(job.message())),
          -1);
    }
    if (NODE_DIED.equals(type)) {
      return new CommandOutcome.Failed(
          run,
          "the Ray node running job "
              + id
              + " died (will be retried as a new job): "
              + quote(lastLines(job.message(), 3)),
          -1,
          true);
    }
    Integer exit = job.driverExitCode();
    String launcher = launcherLine(logTail);
    if (COMMAND_ERROR.equals(type) || job.status() == RayJobs.Status.SUCCEEDED) {
      String why =
          launcher != null
              ? launcher
              : logTail.isEmpty()
                  ? "no log"
                  : "last lines of its log:\n" + String.join("\n", logTail);
      return failed(
          run,
          "Ray job "
              + id
              + " ended (exit "
              + (exit == null ? "unknown" : exit)
              + ") without the launcher's result/manifest.json: "
              + quote(why),
          exit == null ? -1 : exit);
    }
    return failed(
        run,
        "Ray job "
            + id
            + " failed ("
            + (type == null ? "no error type" : Echo.clean(type))
            + "): "
            + quote(lastLines(job.message(), 5)),
        -1);
  }

  /** The outage message: names the address, retried as another attempt. */
  static String outage(String address, Duration grace, RayException e) {
    return "the Ray cluster at "
        + address
        + " did not answer for "
        + dev.tollgate.spec.Durations.format(grace)
        + " (an outage: will be retried; setting tollgate.training.ray.outage-grace): "
        + Echo.capped(e.getMessage(), 300);
  }

  /** The launcher's own complaint ({@code tollgate-launcher: …}), the last one, or null. */
  static String launcherLine(List<String> logTail) {
    String found = null;
    for (String line : logTail) {
      int at = line.indexOf("tollgate-launcher:");
      if (at >= 0) found = line.substring(at);
    }
    return found;
  }

  /**
   * pip's {@code ERROR:} lines when there are any (without the indentation Ray quotes them with),
   * else the message's last lines.
   */
  static String errorLines(String message) {
    List<String> errors =
        AnsiText.lastLines(message == null ? "" : message, 200).stream()
            .filter(l -> l.contains("ERROR"))
            .map(String::strip)
            .toList();
    if (errors.isEmpty()) return lastLines(message, 5);
    return String.join("\n", errors.subList(Math.max(0, errors.size() - 5), errors.size()));
  }

  static String lastLines(String message, int n) {
    List<String> lines = AnsiText.lastLines(message == null ? "" : message, n);
    return lines.isEmpty() ? "no message" : String.join("\n", lines);
  }

  private static String quote(String text) {
    return Echo.capped(AnsiText.strip(text), MAX_QUOTE);
  }

  private static CommandOutcome.Failed failed(Path run, String message, int exit) {
    return new CommandOutcome.Failed(run, message, exit, false);
  }
}
