package dev.tollgate.cli.run;

import dev.tollgate.cli.common.Show;
import dev.tollgate.pipeline.CanaryStatus;

/**
 * The {@code canary} line of {@code tollgate status} while a run's deploy stage runs one: which
 * version answers which share beside which, and when its bake ends.
 */
final class CanaryLine {
  private CanaryLine() {}

  /** "v4 answers 10% of requests beside v3, baking until 2026-12-06 10:30:00 UTC (in 8m 12s)". */
  static String describe(CanaryStatus c, long nowMillis) {
    String share =
        "v"
            + c.version()
            + " answers "
            + c.percent()
            + "% of requests beside v"
            + c.besideVersion();
    return switch (c.phase()) {
      case SMOKE_TEST -> share + ", smoke-tested there before its " + c.bake() + " bake";
      case BAKING ->
          share
              + ", baking until "
              + Show.time(c.bakeEndsAtMillis())
              + " "
              + Show.relative(c.bakeEndsAtMillis(), nowMillis);
      case TAKING_ALL_TRAFFIC ->
          "v"
              + c.version()
              + " baked "
              + c.bake()
              + " and takes all the traffic: smoke test, then"
              + " promotion";
    };
  }
}
