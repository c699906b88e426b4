package dev.tollgate.it;

import dev.tollgate.examples.energy.EnergyDataGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes pipeline specs and their seeded energy data into a test's folder. The data file sits next
 * to the spec and the spec names it relatively, as the example does.
 */
final class ItSpecs {
  private ItSpecs() {}

  /**
   * A spec for one model: which boosting algorithm, how much data, how many trees, how long the
   * approval may take.
   */
  record Spec(
      String model, String algorithm, int rows, int trees, String approvalTimeout, String webhook) {
    /** Small and quick: a few seconds of training with the default trainer (XGBoost). */
    static Spec quick(String model) {
      return new Spec(model, "gradient_boosting", 3000, 40, "10m", null);
    }

    Spec approvalTimeout(String timeout) {
      return new Spec(model, algorithm, rows, trees, timeout, webhook);
    }

    Spec size(int rows, int trees) {
      return new Spec(model, algorithm, rows, trees, approvalTimeout, webhook);
    }

    Spec algorithm(String name) {
      return new Spec(model, name, rows, trees, approvalTimeout, webhook);
    }

    /** Every event also goes to this URL as JSON ({@code notify.webhook.url}). */
    Spec webhook(String url) {
      return new Spec(model, algorithm, rows, trees, approvalTimeout, url);
    }
  }

  /** Writes {@code <dir>/<model>.yaml} and its data {@code <dir>/<model>-<rows>.csv}. */
  static Path write(Path dir, Spec spec) {
    String data = spec.model() + "-" + spec.rows() + ".csv";
    Path csv = dir.resolve(data);
    if (!Files.exists(csv))
      EnergyDataGenerator.write(csv, EnergyDataGenerator.DEFAULT_SEED, spec.rows());
    String yaml =
        String.format(
            Locale.ROOT,
            """
            # Written by the integration tests (ItSpecs).
            model: %s
            task: regression
            data:
              train: file:%s
              target: load
              features: [hour, day_of_week, temperature, humidity]
              min_rows: 500
            training:
              algorithm: %s
              params: { trees: %d, max_depth: 6, shrinkage: 0.1 }
              seed: 42
              holdout: 0.2
            validation:
              thresholds:
                rmse: { max: 80 }
                r2: { min: 0.6 }
            approval:
              approvers: [alice, bob]
              min_approvals: 1
              timeout: %s
              on_timeout: reject
            deploy:
              target: local
            """
                + (spec.webhook() == null
                    ? ""
                    : "notify:\n  webhook: { url: \"" + spec.webhook() + "\" }\n"),
            spec.model(),
            data,
            spec.algorithm(),
            spec.trees(),
            spec.approvalTimeout());
    Path file = dir.resolve(spec.model() + ".yaml");
    try {
      Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
