package dev.tollgate.activities.train.docker;

import dev.tollgate.activities.train.command.ContainerEngine.EngineException;
import java.util.List;
import java.util.Locale;

/**
 * Tells from the docker CLI's stderr what kind of failure it was: the daemon not reachable (an
 * outage, retried), an image that is not there, or anything else the daemon refused. The CLI's own
 * exit code (1, or 125 from {@code docker run}) does not tell them apart.
 */
final class DockerErrors {
  private static final List<String> UNREACHABLE =
      List.of(
          "cannot connect to the docker daemon",
          "error during connect",
          "is the docker daemon running",
          "connection refused",
          "dial unix",
          "no such host",
          "permission denied while trying to connect",
          "i/o timeout",
          "context deadline exceeded");
  private static final List<String> NO_IMAGE =
      List.of(
          "no such image",
          "pull access denied",
          "manifest unknown",
          "repository does not exist",
          "not found: manifest");

  private DockerErrors() {}

  static EngineException classify(String stderr) {
    String text = stderr.strip();
    String lower = text.toLowerCase(Locale.ROOT);
    if (UNREACHABLE.stream().anyMatch(lower::contains)) {
      return new EngineException(EngineException.Kind.UNREACHABLE, lastLine(text));
    }
    if (NO_IMAGE.stream().anyMatch(lower::contains)) {
      return new EngineException(EngineException.Kind.NO_SUCH_IMAGE, lastLine(text));
    }
    return new EngineException(EngineException.Kind.REFUSED, lastLine(text));
  }

  static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    String last = lines.length == 0 ? "" : lines[lines.length - 1].strip();
    if (last.isEmpty()) last = "no message";
    return last.length() > 600 ? last.substring(0, 600) + "…" : last;
  }
}
