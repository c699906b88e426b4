package dev.tollgate.stages;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Heartbeat details of the train activity: the Temporal UI shows them, and {@code tollgate status}
 * decodes them from the pending activity to draw a progress bar. A retried attempt does not resume
 * from them (training is deterministic and starts over); they only report.
 *
 * <p>A catalogue trainer counts trees ({@code done} of {@code total}, {@link #text} {@code null});
 * a training command reports a fraction on its progress lines (issue 24), carried as {@code done}
 * of {@code total} with its own words in {@link #text} ({@code ""} when the line had none), so a
 * reader tells the two apart by {@link #byCommand}.
 *
 * @param phase loading, training, scoring or storing
 * @param rows the rows the phase works on
 * @param done trees built (or iterations run) so far, in the training phase
 * @param total trees (or iterations) to build; 0 when the algorithm does not count
 * @param elapsedMillis since the attempt started
 * @param text the training command's words on its last progress line, at most {@value #MAX_TEXT}
 *     characters (then cut, with "…"), control characters turned into spaces; {@code null} for a
 *     catalogue trainer, and then left out of the JSON, so its heartbeats are what they were
 * @param raySubmissionId the Ray job this attempt follows ({@code training.runner: ray}), so that a
 *     retried attempt finds it instead of submitting a second one; {@code null} (and left out of
 *     the JSON) for every other run
 * @param raySession the Ray cluster's session name when that job was submitted or adopted: a
 *     restarted head has another and has forgotten the job
 */
public record TrainProgress(
    String phase,
    int rows,
    int done,
    int total,
    long elapsedMillis,
    @JsonInclude(JsonInclude.Include.NON_NULL) String text,
    @JsonInclude(JsonInclude.Include.NON_NULL) String raySubmissionId,
    @JsonInclude(JsonInclude.Include.NON_NULL) String raySession) {

  /** As the command runner cuts a progress line's text: a phrase, not a paragraph. */
  public static final int MAX_TEXT = 200;

  public TrainProgress {
    text = shown(text);
  }

  /** A trainer's or a command's progress, no Ray job. */
  public TrainProgress(
      String phase, int rows, int done, int total, long elapsedMillis, String text) {
    this(phase, rows, done, total, elapsedMillis, text, null, null);
  }

  /** A catalogue trainer's progress: no text. */
  public TrainProgress(String phase, int rows, int done, int total, long elapsedMillis) {
    this(phase, rows, done, total, elapsedMillis, null);
  }

  /** The share done in {@code [0, 1]}, or -1 when the phase does not count. */
  public double fraction() {
    return total <= 0 ? -1 : Math.min(1.0, Math.max(0, done) / (double) total);
  }

  /** Whether a training command reported this progress (a fraction, not trees). */
  public boolean byCommand() {
    return text != null;
  }

  /** The same progress, {@code elapsedMillis} later (what the heartbeat timer re-sends). */
  public TrainProgress at(long elapsed) {
    return new TrainProgress(phase, rows, done, total, elapsed, text, raySubmissionId, raySession);
  }

  /** The same progress, naming the Ray job the attempt follows. */
  public TrainProgress withRayJob(String submissionId, String session) {
    return new TrainProgress(phase, rows, done, total, elapsedMillis, text, submissionId, session);
  }

  // The text comes from the team's command and ends up in the operator's terminal and the
  // Temporal UI: one line, no escape sequences, bounded (the heartbeat is sent every few seconds).
  private static String shown(String text) {
    if (text == null) return null;
    String line = text.strip();
    StringBuilder s = new StringBuilder(Math.min(line.length(), MAX_TEXT + 2));
    line.codePoints()
        .limit(MAX_TEXT + 1L)
        .forEach(c -> s.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    if (s.codePointCount(0, s.length()) <= MAX_TEXT) return s.toString();
    return s.substring(0, s.offsetByCodePoints(0, MAX_TEXT)) + "…";
  }
}
