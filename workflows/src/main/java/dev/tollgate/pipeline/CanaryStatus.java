package dev.tollgate.pipeline;

import dev.tollgate.spec.Durations;
import java.time.Duration;

/**
 * A canary while the deploy stage runs it ({@code deploy.canary}), for the status query: which
 * version answers which share of the requests beside which, and where it is. Lives in workflow
 * memory only (no command, no memo): the query reads it, and the stage's summary tells the canary's
 * outcome once the stage ends.
 *
 * @param version the candidate on trial
 * @param percent its share of the requests
 * @param besideVersion the Production version answering the rest
 * @param bakeMillis how long it bakes ({@code deploy.canary.bake})
 * @param bakeEndsAtMillis when the bake ends (workflow time), {@code null} before it starts
 */
public record CanaryStatus(
    int version,
    int percent,
    int besideVersion,
    long bakeMillis,
    Phase phase,
    Long bakeEndsAtMillis) {

  /** Where the canary is. */
  public enum Phase {
    /** Deployed to its share and being smoke-tested there. */
    SMOKE_TEST,
    /** Passed its smoke test; answering its share until {@code bakeEndsAtMillis}. */
    BAKING,
    /** Baked: deployed to all the traffic, smoke-tested again, then promoted. */
    TAKING_ALL_TRAFFIC
  }

  static CanaryStatus started(int version, int percent, int besideVersion, Duration bake) {
    return new CanaryStatus(
        version, percent, besideVersion, bake.toMillis(), Phase.SMOKE_TEST, null);
  }

  CanaryStatus baking(long endsAtMillis) {
    return new CanaryStatus(
        version, percent, besideVersion, bakeMillis, Phase.BAKING, endsAtMillis);
  }

  CanaryStatus baked() {
    return new CanaryStatus(
        version, percent, besideVersion, bakeMillis, Phase.TAKING_ALL_TRAFFIC, bakeEndsAtMillis);
  }

  /** "canary 10% v4": how stage summaries name it. */
  public String label() {
    return "canary " + percent + "% v" + version;
  }

  /** "30m", "1h": the bake as a spec writes it. */
  public String bake() {
    return Durations.format(Duration.ofMillis(bakeMillis));
  }
}
