package dev.tollgate.pipeline;

import dev.tollgate.stages.SmokeTestResult;

/**
 * The production deploy in one line of the stage history, canary included: "canary 10% v4 baked
 * 30m: smoke tests passed on its share and on all traffic (20 rows), promoted". Text only: the
 * summary goes into the status query's answer and the run's result, never into a command, a memo or
 * a search attribute, so recorded histories replay whatever it says.
 */
final class DeploySummary {
  private DeploySummary() {}

  /** The stage's summary when it returns (a failed deploy's is replaced by {@link #failed}). */
  static String of(DeployStage.Result r) {
    SmokeTestResult s = r.smoke();
    if (!s.passed()) return "smoke test failed";
    String passed = "smoke test passed (" + s.rowsScored() + " rows)";
    CanaryStatus c = r.canary();
    if (c == null) return passed;
    return c.label()
        + " baked "
        + c.bake()
        + ": smoke tests passed on its share and on all traffic ("
        + s.rowsScored()
        + " rows), promoted";
  }

  /**
   * A failed smoke test's summary: where it failed (the canary on its share, or after the bake on
   * all traffic), what was done about it and why.
   *
   * @param rolledBack whether serving was put back ({@code deploy.rollback.on_smoke_failure})
   */
  static String failed(DeployStage.Result r, boolean rolledBack) {
    String why = r.smoke().message();
    CanaryStatus c = r.canary();
    if (c == null) return rolledBack ? "rolled back: " + why : "smoke test failed: " + why;
    if (c.phase() == CanaryStatus.Phase.SMOKE_TEST) {
      return c.label()
          + " failed its smoke test on its share, "
          + (rolledBack ? "withdrawn" : "left in place (on_smoke_failure: false)")
          + ": "
          + why;
    }
    return c.label()
        + " baked "
        + c.bake()
        + ", then failed its smoke test on all traffic"
        + (rolledBack ? ", rolled back" : "")
        + ": "
        + why;
  }
}
