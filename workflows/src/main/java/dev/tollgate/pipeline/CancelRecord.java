package dev.tollgate.pipeline;

import java.util.Locale;

/**
 * A cancellation of a run: who asked, why, how the name was known, and at which stage; the {@code
 * cancel} Update answers with one, and a cancelled run's result and status keep the one that
 * stopped it.
 *
 * @param by the name, or {@value #UNKNOWN} for a cancel sent to Temporal directly ({@code temporal
 *     workflow cancel}, the UI, an SDK), which carries no name the workflow can read
 * @param reason why; {@code null} when none was given
 * @param via "claim", "mtls" (a worker vouched for the name) or {@value #VIA_TEMPORAL}
 * @param atMillis when it arrived (workflow time)
 * @param stage the stage the run was in when it arrived
 * @param accepted false when the worker's approval policy refused it (the run goes on)
 * @param note why it was refused, what allowed it, or — in a result — what the clean-up did
 */
public record CancelRecord(
    String by,
    String reason,
    String via,
    long atMillis,
    Stage stage,
    boolean accepted,
    String note) {
  public static final String UNKNOWN = "unknown";
  public static final String VIA_TEMPORAL = "temporal";

  /**
   * A cancel request sent to Temporal directly: no name, and the reason its sender gave, if any.
   */
  static CancelRecord fromTemporal(String reason, long atMillis, Stage stage) {
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (why != null && why.length() > CancelRequest.MAX_REASON) {
      why = why.substring(0, CancelRequest.MAX_REASON) + "…";
    }
    return new CancelRecord(UNKNOWN, why, VIA_TEMPORAL, atMillis, stage, true, "");
  }

  CancelRecord withNote(String text) {
    return new CancelRecord(by, reason, via, atMillis, stage, accepted, text);
  }

  /** "wrong data", or "no reason given". */
  public String reasonOrNone() {
    return reason == null || reason.isBlank() ? "no reason given" : reason;
  }

  /** "by alice (claim) during awaiting approval: wrong data". */
  public String describe() {
    return "by "
        + by
        + " ("
        + via
        + ")"
        + (stage == null
            ? ""
            : " during " + stage.name().toLowerCase(Locale.ROOT).replace('_', ' '))
        + ": "
        + reasonOrNone();
  }

  /** The registry's reason for archiving the candidate: "cancelled: by alice: wrong data". */
  String archiveReason() {
    return "cancelled: by " + by + ": " + reasonOrNone();
  }
}
