package dev.tollgate.cli.check;

import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecException;
import dev.tollgate.spec.SpecParser;
import java.nio.file.Path;

/**
 * Everything {@code tollgate check} looks at in one spec, in order: the spec itself (the parser run
 * by {@code tollgate run}, with the deploy target's settings: an ECS service's cluster, service and
 * URL, the canary, the rollback watch), then, on a spec that parses, its training command and its
 * data. A spec that does not parse stops there: the rest depends on what it says.
 */
final class SpecCheck {
  private final TrainingCheck training;
  private final DataCheck data;

  /**
   * {@code rows}: data rows to read of each file, 0 for none (nor is an imported model file looked
   * for); {@code path}: the PATH.
   */
  SpecCheck(int rows, String path) {
    this.training = new TrainingCheck(path, rows > 0);
    this.data = rows > 0 ? new DataCheck(rows) : null;
  }

  CheckReport check(Path file) {
    CheckReport report = new CheckReport();
    PipelineSpec spec;
    try {
      spec = SpecParser.parse(file);
    } catch (SpecException e) {
      report.problem(e.key(), problemOf(e));
      return report;
    }
    training.check(spec, report);
    if (data != null) data.check(spec, report);
    return report;
  }

  /** The exception's message without its "file: key: " prefix, which the output line adds. */
  private static String problemOf(SpecException e) {
    String prefix = e.file() + ": " + e.key() + ": ";
    String message = e.getMessage();
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }
}
