package dev.tollgate.cli.approval;

import picocli.CommandLine.Option;

/**
 * {@code --reason TEXT}, required, of the commands that undo or stop something ({@code reject},
 * {@code cancel}, {@code rollback}): it goes to the audit trail. Each command says where else it
 * goes: its text is the key {@code tollgate.<command>.reason} in {@code OptionTexts.properties},
 * the description below the fallback.
 */
public final class ReasonOption {
  @Option(
      names = "--reason",
      required = true,
      paramLabel = "TEXT",
      descriptionKey = "reason",
      description = "Why, for the audit trail.")
  String reason;

  /** The reason given. */
  public String text() {
    return reason;
  }
}
