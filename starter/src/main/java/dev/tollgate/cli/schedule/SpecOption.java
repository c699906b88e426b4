package dev.tollgate.cli.schedule;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --spec FILE}, required: the spec of the model that {@code schedule create|enable} sets up.
 */
final class SpecOption {
  @Option(
      names = "--spec",
      required = true,
      paramLabel = "FILE",
      description = "The model's pipeline spec.")
  Path file;

  Path file() {
    return file;
  }
}
