package dev.tollgate.guardian;

/**
 * One entry of a guardian's action log: who asked it to pause, resume, stop, take a new spec or
 * start a run, how the name was known, and whether the approval policy allowed it. Refused requests
 * are kept too: the log is the guardian's audit trail.
 *
 * @param at when (ISO-8601, workflow time)
 * @param action "pause", "resume", "disable", "spec_change"
 * @param via "claim", "mtls", "specs-dir" or "signal" (an unanswerable request)
 * @param note why it was refused, or what allowed it
 * @param detail what was asked besides the action (a spec's digest, a pause's reason)
 */
public record ActionRecord(
    String at, String action, String by, String via, boolean accepted, String note, String detail) {

  /** "2026-12-02T10:00:00Z pause by alice (claim): allowed by ops.yaml (sha256:…)". */
  public String describe() {
    return at
        + " "
        + action
        + " by "
        + by
        + " ("
        + via
        + ")"
        + (accepted ? ": " : ": REFUSED: ")
        + note;
  }
}
