package dev.tollgate.stages;

import java.util.Optional;

/**
 * A candidate whose model is byte for byte the Production model (the same SHA-256): same data, same
 * spec, same seed. Deploying it changes nothing, which a reviewer should know before approving it,
 * so validation says so in an informational line (it passes, never blocks; only present then) and
 * the approval request repeats it. Pure, so the workflow reads it from the verdict.
 */
public final class IdenticalModel {
  public static final String NAME = "model.identical";

  private IdenticalModel() {}

  /** The line, or {@code null} when there is no Production model or it differs. */
  public static CheckResult check(ModelVersion candidate, ModelVersion production) {
    if (production == null
        || candidate.modelDigest() == null
        || !candidate.modelDigest().equals(production.modelDigest())) {
      return null;
    }
    String digest = candidate.modelDigest();
    return new CheckResult(
        NAME,
        (double) production.version(),
        "identical to v" + production.version(),
        CheckResult.Status.PASS,
        "the candidate's model is byte-identical to Production "
            + production.label()
            + " (SHA-256 "
            + digest.substring(0, Math.min(12, digest.length()))
            + "…): deploying it changes nothing");
  }

  /** "v1" when the verdict found the candidate identical to Production v1. */
  public static Optional<String> production(ValidationVerdict verdict) {
    if (verdict == null) return Optional.empty();
    return verdict.checks().stream()
        .filter(c -> NAME.equals(c.name()) && c.value() != null)
        .findFirst()
        .map(c -> "v" + c.value().intValue());
  }
}
