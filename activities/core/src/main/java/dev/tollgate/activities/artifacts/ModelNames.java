package dev.tollgate.activities.artifacts;

import dev.tollgate.activities.Failures;
import dev.tollgate.spec.PipelineSpec;

/**
 * Model names become folder and file names under the home folder, so they are checked against the
 * spec's pattern before any path is built from them: "../x" must never leave the home folder.
 */
public final class ModelNames {
  private ModelNames() {}

  public static String check(String model) {
    if (model == null || !PipelineSpec.MODEL_NAME.matcher(model).matches()) {
      throw Failures.invalidData(
          "model name must match " + PipelineSpec.MODEL_NAME.pattern() + ", got '" + model + "'");
    }
    return model;
  }
}
