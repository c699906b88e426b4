package dev.tollgate.activities.commits;

import java.util.Locale;
import java.util.Objects;

/**
 * One status on a commit, as a repository host shows it beside the commit and on the pull request.
 *
 * @param state where the spec's run is
 * @param context what the status is of (one per spec: {@code tollgate/<model>}); a later status of
 *     the same context replaces the earlier one
 * @param description one line for people, cut to {@link #MAX_DESCRIPTION} characters (GitHub
 *     refuses longer ones with 422)
 * @param targetUrl where the details are (the run's report), or null
 */
public record CommitStatus(State state, String context, String description, String targetUrl) {
  /** GitHub shows 140 characters of a status' description. */
  public static final int MAX_DESCRIPTION = 140;

  public enum State {
    PENDING,
    SUCCESS,
    FAILURE,
    ERROR;

    /** The name the hosts use ({@code pending}, {@code success}, ...). */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Any case: {@code Success}, {@code FAILURE}. */
    public static State of(String text) {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
  }

  public CommitStatus {
    Objects.requireNonNull(state, "state");
    if (context == null || context.isBlank()) {
      throw new IllegalArgumentException("a commit status needs a context");
    }
    description = description == null ? "" : description.strip();
    if (description.length() > MAX_DESCRIPTION) {
      description = description.substring(0, MAX_DESCRIPTION - 1) + "…";
    }
  }
}
