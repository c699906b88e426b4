package dev.tollgate.activities.notify;

import dev.tollgate.pipeline.Figures;
import dev.tollgate.stages.ApprovalDecided;
import dev.tollgate.stages.ApprovalEscalated;
import dev.tollgate.stages.ApprovalReminder;
import dev.tollgate.stages.ApprovalRequested;
import dev.tollgate.stages.CommitLineage;
import dev.tollgate.stages.PipelineEvent;
import dev.tollgate.stages.RollbackFinished;
import dev.tollgate.stages.RunFinished;
import dev.tollgate.stages.RunStarted;
import java.util.Map;
import java.util.TreeMap;

/**
 * An event's {@code fields} as the events file and a webhook's body write them: a flat map of
 * strings ({@code "version": "3"}, {@code "rmse": "25.8"}, {@code "stage_ms.train": "95000"}), the
 * format programs that read those have parsed since before events were typed. Key for key and
 * figure for figure what the workflow once wrote (WireGoldenTest holds it to that); a key whose
 * value is absent is left out.
 */
public final class EventFields {
  private EventFields() {}

  public static Map<String, String> of(PipelineEvent event) {
    Map<String, String> f = new TreeMap<>();
    switch (event) {
      case RunStarted e -> {
        put(f, "trigger", e.trigger());
        put(f, "triggered_by", String.valueOf(e.triggeredBy()));
        put(f, "reason", e.reason() == null ? "" : e.reason());
        commit(f, e.commit());
      }
      case ApprovalRequested e -> {
        put(f, "approvers", String.join(",", e.approvers()));
        put(f, "report", e.reportUri());
        put(f, "html_report", e.htmlReportUri());
        put(f, "summary", e.summary());
        put(f, "version", Integer.toString(e.version()));
        put(f, "identical_to", e.identicalTo());
      }
      case ApprovalReminder e -> put(f, "approvers", String.join(",", e.approvers()));
      case ApprovalEscalated e -> {
        put(f, "approvers", String.join(",", e.approvers()));
        put(f, "escalated_to", String.join(",", e.escalatedTo()));
        put(f, "summary", e.summary());
      }
      case ApprovalDecided e -> {
        put(f, "decided_by", e.decidedBy());
        put(f, "approved", Boolean.toString(e.approved()));
        put(f, "comment", e.comment() == null ? "" : e.comment());
        put(f, "via", String.valueOf(e.via()));
      }
      case RunFinished e -> FinishedEventFields.add(e, f);
      case RollbackFinished e -> {
        put(f, "from_version", Integer.toString(e.fromVersion()));
        put(f, "to_version", Integer.toString(e.toVersion()));
        put(f, "restored", Boolean.toString(e.restored()));
        put(f, "by", e.by());
        put(f, "reason", e.reason());
      }
    }
    return f;
  }

  /** The commit's keys, as the registry's lineage names them; none for a run without one. */
  static void commit(Map<String, String> fields, CommitLineage commit) {
    if (commit != null) fields.putAll(commit.lineage());
  }

  static void put(Map<String, String> fields, String key, String value) {
    if (value != null) fields.put(key, value);
  }

  /** A figure as every message shows it: three significant figures at most. */
  static String number(Double value) {
    return value == null ? null : Figures.number(value);
  }
}
