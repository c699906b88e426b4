package dev.tollgate.activities.notify;

import dev.tollgate.stages.PipelineEvent;
import java.util.Set;

/**
 * What has been delivered where, so that a retried notify activity hands an event only to the sinks
 * that have not taken it yet. Keyed by (run, event number, sink); events without a number ({@code
 * seq} 0: rollbacks by hand, runs recorded before events were numbered) are never recorded and are
 * delivered on every attempt.
 */
public interface DeliveryLedger {

  /** The sinks that have delivered {@code event} already (empty for an unnumbered one). */
  Set<String> delivered(PipelineEvent event);

  void record(PipelineEvent event, String sink);

  /** A ledger that remembers nothing: every attempt delivers to every sink. */
  static DeliveryLedger none() {
    return new DeliveryLedger() {
      @Override
      public Set<String> delivered(PipelineEvent event) {
        return Set.of();
      }

      @Override
      public void record(PipelineEvent event, String sink) {}
    };
  }
}
