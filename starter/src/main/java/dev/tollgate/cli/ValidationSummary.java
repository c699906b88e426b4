package dev.tollgate.cli;

import dev.tollgate.pipeline.Figures;
import dev.tollgate.pipeline.PipelineStatus;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.StageRecord;
import dev.tollgate.spec.MetricBound;
import dev.tollgate.spec.PipelineSpec;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

/** What a reviewer sees at the approval gate: the validation verdict and each metric's limit. */
final class ValidationSummary {
  private ValidationSummary() {}

  static void print(PrintWriter out, PipelineSpec spec, PipelineStatus status) {
    out.println();
    status.history().stream()
        .filter(r -> r.stage() == Stage.VALIDATING)
        .reduce((a, b) -> b)
        .map(StageRecord::summary)
        .ifPresent(summary -> out.println("Validation: " + summary));
    Map<String, Double> metrics = status.metrics() == null ? Map.of() : status.metrics();
    for (Map.Entry<String, MetricBound> t :
        new TreeMap<>(spec.validation().thresholds()).entrySet()) {
      Double value = metrics.get(t.getKey());
      String shown = value == null ? "not measured" : Figures.number(value);
      String mark = value != null && t.getValue().accepts(value) ? "✓" : "✗";
      out.printf("  %s %-6s %-12s (limit %s)%n", mark, t.getKey(), shown, t.getValue().describe());
    }
    out.flush();
  }
}
