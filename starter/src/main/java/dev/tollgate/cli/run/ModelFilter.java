package dev.tollgate.cli.run;

import picocli.CommandLine.Option;

/**
 * {@code --model MODEL} of the listings ({@code runs}, {@code pending}): only this model's runs.
 */
final class ModelFilter {
  @Option(names = "--model", paramLabel = "MODEL", description = "Only this model's runs.")
  String model;

  /** The model, or null for every model. */
  String name() {
    return model;
  }
}
