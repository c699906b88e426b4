package dev.tollgate.stages;

import java.util.List;

/**
 * Who let a version into service, and why: the people whose approval made the quorum (a pipeline's
 * deploy), or who rolled back to it and the reason they gave ({@code tollgate rollback}). The
 * deploy keeps it with what it serves, so serving can say so ({@code GET /v1/models/{name}}: {@code
 * approved_by}, {@code rolled_back_by}, {@code reason}).
 *
 * @param approvedBy the approvals that settled the gate, in order ("tollgate" for {@code
 *     on_timeout: approve}); empty for a rollback or a deploy before the gate (staging)
 * @param rolledBackBy who rolled back to this version, else {@code null}
 * @param reason why they did, else {@code null}
 */
public record DeployAuthority(List<String> approvedBy, String rolledBackBy, String reason) {
  public DeployAuthority {
    approvedBy = approvedBy == null ? List.of() : List.copyOf(approvedBy);
  }

  /** A pipeline's deploy, approved by {@code approvers}. */
  public static DeployAuthority approved(List<String> approvers) {
    return new DeployAuthority(approvers, null, null);
  }

  /** A rollback by hand: who and why. */
  public static DeployAuthority rollback(String by, String reason) {
    return new DeployAuthority(List.of(), by, reason);
  }
}
