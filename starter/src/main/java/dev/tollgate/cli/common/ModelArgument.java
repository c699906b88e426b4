package dev.tollgate.cli.common;

import dev.tollgate.spec.PipelineSpec;
import picocli.CommandLine.Parameters;

/**
 * The {@code MODEL} argument of the commands that act on one model (its guardian, its native
 * Schedule, its versions). Each command says what it does with the model: its text is the key
 * {@code tollgate.<command>.model} in {@code OptionTexts.properties}, the description below the
 * fallback.
 */
public final class ModelArgument {
  @Parameters(paramLabel = "MODEL", descriptionKey = "model", description = "The model.")
  String model;

  /** The model as typed. */
  public String name() {
    return model;
  }

  /**
   * @return {@code model}
   * @throws CliFailure (usage) when it is not a model name a spec may have
   */
  public static String check(String model) {
    if (!PipelineSpec.MODEL_NAME.matcher(model).matches()) {
      throw new CliFailure(ExitCodes.USAGE, "MODEL: not a model name: '" + model + "'");
    }
    return model;
  }

  /** {@link #name()}, checked. */
  public String checked() {
    return check(model);
  }
}
