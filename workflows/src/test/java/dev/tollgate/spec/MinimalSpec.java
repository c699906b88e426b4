package dev.tollgate.spec;

/** The smallest spec the parser accepts, for the tests of one section to append theirs to. */
final class MinimalSpec {
  private MinimalSpec() {}

  static final String YAML =
      """
      model: energy-load
      data:
        train: file:load.csv
        target: load
        features: [temperature]
      training:
        algorithm: gradient_boosting
      approval:
        approvers: [alice]
      """;
}
