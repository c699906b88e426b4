package dev.tollgate.activities.notify;

import dev.tollgate.spec.NotifySpec;
import dev.tollgate.stages.CancelSummary;
import dev.tollgate.stages.EventHeader;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.RunFinished;
import java.util.List;
import java.util.Map;

/** Finished-run events for the sinks' tests, with only what each test is about set. */
public final class TestEvents {
  private TestEvents() {}

  public static EventHeader header(
      String model, String run, String message, NotifySpec route, int seq) {
    return new EventHeader(model, run, "pipeline/" + model + "/" + run, message, route, seq);
  }

  public static RunFinished finished(
      EventHeader header, Outcome outcome, Integer version, Map<String, Double> metrics) {
    return new RunFinished(
        header, outcome, "manual", version, metrics, null, null, null, null, null, null, null, null,
        List.of());
  }

  public static RunFinished finished(EventHeader header, Outcome outcome) {
    return finished(header, outcome, null, Map.of());
  }

  public static RunFinished cancelled(EventHeader header, CancelSummary cancellation) {
    return new RunFinished(
        header,
        Outcome.CANCELLED,
        "manual",
        4,
        Map.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        cancellation,
        null,
        List.of());
  }
}
