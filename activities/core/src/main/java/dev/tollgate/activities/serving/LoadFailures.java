package dev.tollgate.activities.serving;

/**
 * Told when a serving pointer names a version that cannot be loaded (its artifact unreadable,
 * damaged or of an unknown format): once per pointer change, not at every retry. The worker and
 * {@code tollgate serve} count it in {@code tollgate_serving_load_failures_total{model}}.
 */
@FunctionalInterface
public interface LoadFailures {
  void failed(String model, int version, String reason);

  static LoadFailures none() {
    return (model, version, reason) -> {};
  }
}
