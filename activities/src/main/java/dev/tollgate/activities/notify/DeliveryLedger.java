package dev.tollgate.activities.notify;

import dev.tollgate.stages.PipelineEvent;

/**
 * What has been delivered where, so that a retried notify activity hands an event only to the sinks
 * that have not taken it yet. Keyed by (run, event number, sink); events without a number ({@code
 * seq} 0: rollbacks by hand, runs recorded before events were numbered) are never recorded and are
 * delivered on every attempt.
 */
public interface DeliveryLedger {

  boolean delivered(PipelineEvent event, String sink);

  void record(PipelineEvent event, String sink);

  /** A ledger that remembers nothing: every attempt delivers to every sink. */
  static DeliveryLedger none() {
    return new DeliveryLedger() {
      @Override
      public boolean delivered(PipelineEvent event, String sink) {
        return false;
      }

      @Override
      public void record(PipelineEvent event, String sink) {}
    };
  }
}
