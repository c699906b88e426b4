package dev.tollgate.pipeline;

import dev.tollgate.stages.ArchiveRequest;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.RegistryActivities;

/**
 * Marks a candidate that will never serve as ARCHIVED in the registry, with why: {@code
 * smoke_failed}, {@code rejected_by_validation}, {@code rejected_by_approver}, {@code
 * approval_timed_out}, {@code cancelled}.
 */
final class CandidateArchive {
  private final RegistryActivities registry;

  CandidateArchive(RegistryActivities registry) {
    this.registry = registry;
  }

  void archive(ModelVersion candidate, String runId, String reason) {
    if (candidate == null) return;
    registry.archive(
        new ArchiveRequest(candidate.model(), candidate.version(), runId, "pipeline", reason));
  }
}
