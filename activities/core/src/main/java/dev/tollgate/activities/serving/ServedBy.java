package dev.tollgate.activities.serving;

import java.util.List;

/**
 * Who put a served version into service, as its serving pointer records it: the run that deployed
 * it, and either the approvals that let it in or who rolled back to it and why. What {@code GET
 * /v1/models/{name}} answers as {@code run}, {@code approved_by}, {@code rolled_back_by} and {@code
 * reason}.
 *
 * @param run the pipeline run ({@code r1}) or rollback ({@code rollback-…}) that deployed it
 * @param approvedBy empty after a rollback, for staging, and for pointers written before it was
 *     kept
 */
public record ServedBy(String run, List<String> approvedBy, String rolledBackBy, String reason) {
  public ServedBy {
    approvedBy = approvedBy == null ? List.of() : List.copyOf(approvedBy);
  }
}
