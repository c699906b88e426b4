package dev.tollgate.guardian;

import dev.tollgate.pipeline.SpecJson;
import dev.tollgate.spec.PipelineSpec;
import java.util.List;

/**
 * How a guardian ended: its workflow result, kept by the server with the closed execution, so
 * {@code tollgate schedule status} can say who ended it and when without asking a worker (a query
 * of a closed workflow would replay it and answer as if it still ran).
 *
 * @param ended what ended it: {@link #DISABLED}
 * @param by who asked for it (the name the action log has)
 * @param at when the guardian acted on it (ISO-8601, workflow time)
 * @param via how the name was known: "claim", "mtls", "specs-dir", "signal/…" or "signal" (a
 *     guardian from before the approval policy)
 * @param runLeft the run that was in flight: abandoned, it goes on to its own end; or {@code null}
 * @param runsStarted runs this guardian started over its whole life
 * @param specDigest the digest of the spec it last ran with
 * @param triggers the trigger log as it was at the end, newest last
 * @param actions the action log as it was at the end, newest last
 */
public record GuardianResult(
    String model,
    String ended,
    String by,
    String at,
    String via,
    String runLeft,
    int runsStarted,
    String specDigest,
    List<TriggerRecord> triggers,
    List<ActionRecord> actions) {
  public static final String DISABLED = "disabled";

  public GuardianResult {
    triggers = triggers == null ? List.of() : List.copyOf(triggers);
    actions = actions == null ? List.of() : List.copyOf(actions);
  }

  static GuardianResult disabled(
      PipelineSpec spec, String by, String at, String via, String runLeft, GuardianBook book) {
    return new GuardianResult(
        spec.model(),
        DISABLED,
        by,
        at,
        via,
        runLeft,
        book.runsStarted(),
        SpecJson.digest(spec),
        book.log(),
        book.actions());
  }
}
