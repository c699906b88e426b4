package dev.tollgate.cli.worker;

import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.examples.energy.EnergyDataGenerator;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bundled examples: found through the {@code tollgate.examples} system property (set by the
 * ./tollgate script), else {@code ./examples}.
 */
final class Examples {
  static final String PROPERTY = "tollgate.examples";

  private Examples() {}

  static Path folder() {
    return Path.of(System.getProperty(PROPERTY, "examples"));
  }

  /** The energy example's spec; a usage error when the examples folder cannot be found. */
  static Path energySpec() {
    Path spec = folder().resolve("energy").resolve("energy-load.yaml");
    if (!Files.isRegularFile(spec)) {
      throw new CliFailure(
          ExitCodes.USAGE,
          "cannot find the bundled example at "
              + spec.toAbsolutePath()
              + ". Run from the repository root, use ./tollgate (which sets -D"
              + PROPERTY
              + "), or pass --spec FILE.");
    }
    return spec;
  }

  /** (Re)writes the energy example's dataset next to its spec; same seed, same bytes. */
  static Path regenerateEnergyData(Path spec) {
    Path csv = spec.toAbsolutePath().getParent().resolve("load.csv");
    EnergyDataGenerator.write(
        csv, EnergyDataGenerator.DEFAULT_SEED, EnergyDataGenerator.DEFAULT_ROWS);
    return csv;
  }
}
