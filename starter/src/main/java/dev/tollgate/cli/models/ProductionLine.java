package dev.tollgate.cli.models;

import dev.tollgate.stages.ModelRecord;
import dev.tollgate.stages.RegistryStage;
import java.util.List;
import java.util.Optional;

/**
 * The line of {@code tollgate models show} that says who put the Production version there, from the
 * registry's audit trail: the approvers and the run of a pipeline's promotion, or who rolled back
 * to it, why and in which run. The same facts serving answers ({@code GET /v1/models/{name}}:
 * {@code approved_by}, {@code rolled_back_by}, {@code reason}, {@code run}), each named.
 */
final class ProductionLine {
  /** The registry's reason for a move into Production by a rollback: "rolled back to by ...". */
  private static final String ROLLED_BACK = "rolled back to by ";

  private ProductionLine() {}

  /**
   * "production v2 approved by alice, bob run r2 at 2026-12-06 10:18:45", or "production v1 rolled
   * back to by carol: latency after v2 run rollback-… at …"; empty when nothing is in Production.
   */
  static Optional<String> of(ModelRecord m) {
    Optional<ModelRecord.Version> production =
        m.versions().stream().filter(v -> v.stage() == RegistryStage.PRODUCTION).findFirst();
    if (production.isEmpty()) return Optional.empty();
    int version = production.get().version();
    List<ModelRecord.Transition> in =
        m.audit().stream()
            .filter(t -> t.version() == version && t.to() == RegistryStage.PRODUCTION)
            .toList();
    String head = "production v" + version;
    if (in.isEmpty()) return Optional.of(head); // a listing without the audit trail
    ModelRecord.Transition last = in.getLast();
    String reason = last.reason() == null ? "" : last.reason();
    String rolledBack = ROLLED_BACK + last.actor();
    String who;
    if (reason.startsWith(rolledBack)) {
      // "rolled back to by carol: why": the registry's own wording, split into who and why
      String why = reason.substring(rolledBack.length()).replaceFirst("^: ", "");
      who = "rolled back to by " + last.actor() + (why.isBlank() ? "" : " (reason: " + why + ")");
    } else {
      who = "approved by " + last.actor();
    }
    String at = last.at().replace('T', ' ').replaceFirst("(\\.\\d+)?Z$", "");
    return Optional.of(head + "  " + who + "  run " + last.runId() + "  at " + at);
  }
}
