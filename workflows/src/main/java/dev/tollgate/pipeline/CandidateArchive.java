package dev.tollgate.pipeline;

import dev.tollgate.stages.ArchiveRequest;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.RegistryActivities;
import io.temporal.workflow.Workflow;

/**
 * Marks a candidate that will never serve as ARCHIVED in the registry, with why: {@code
 * smoke_failed}, {@code rejected_by_validation}, {@code rejected_by_approver}, {@code
 * approval_timed_out}. Added after runs were recorded without it, so it is behind a version marker:
 * older histories replay without the archive call.
 */
final class CandidateArchive {
  static final String CHANGE_ID = "archive-failed-candidates";

  private final RegistryActivities registry;
  private final boolean enabled;

  private CandidateArchive(RegistryActivities registry, boolean enabled) {
    this.registry = registry;
    this.enabled = enabled;
  }

  /**
   * Decided once per run, at its start. A run since {@link FewerRoundTrips} ({@code current})
   * archives without a marker of its own.
   */
  static CandidateArchive forRun(RegistryActivities registry, boolean current) {
    if (current) return new CandidateArchive(registry, true);
    int version = Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1);
    return new CandidateArchive(registry, version >= 1);
  }

  void archive(ModelVersion candidate, String runId, String reason) {
    if (!enabled || candidate == null) return;
    registry.archive(
        new ArchiveRequest(candidate.model(), candidate.version(), runId, "pipeline", reason));
  }
}
