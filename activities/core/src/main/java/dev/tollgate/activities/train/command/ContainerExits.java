package dev.tollgate.activities.train.command;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Reads a finished container as the contract reads a command's exit ({@link ExitInterpreter}),
 * after telling the engine's own failures from the command's: the engine's 126 and 127 (it could
 * not start the command) come with the engine's error and are reported as that, not as the
 * command's exit code; a container killed at its memory limit says so; everything else is the
 * command's own exit code, read as for a command (0 with a model, 75 retried, any other the {@code
 * failure} file or the last stderr lines).
 */
final class ContainerExits {
  private ContainerExits() {}

  static CommandOutcome interpret(
      ContainerEngine.Exit exit,
      String image,
      ContainerPolicy.Limits limits,
      RunFolder run,
      List<String> stderrTail,
      Instant started)
      throws IOException {
    if (!exit.started()) {
      return new CommandOutcome.Failed(run.root(), notStarted(exit, image), -1, false);
    }
    if (exit.oomKilled()) {
      String limit =
          limits.memoryBytes() == null
              ? "the host's memory"
              : "its memory limit of " + ContainerPolicy.mib(limits.memoryBytes());
      return new CommandOutcome.Failed(
          run.root(),
          "killed (137): out of memory: the container reached "
              + limit
              + " (training.memory); "
              + ExitInterpreter.reason(run.output().resolve("failure"), stderrTail),
          137,
          false);
    }
    return ExitInterpreter.interpret(exit.code(), run, stderrTail, null, started);
  }

  private static String notStarted(ContainerEngine.Exit exit, String image) {
    String error = dev.tollgate.activities.Echo.capped(exit.error().strip(), 600);
    if (exit.code() == 127 || error.contains("executable file not found")) {
      return "command not found in the image " + image + ": " + error;
    }
    if (exit.code() == 126 || error.contains("permission denied")) {
      return "the command is not executable in the image " + image + ": " + error;
    }
    return "the container engine could not start the image " + image + "'s command: " + error;
  }
}
