package dev.tollgate.cli.check;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code tollgate check} found in one spec: each problem with the spec key it concerns, and
 * notes on what it could not check here (data on S3, say), which do not fail the check.
 */
final class CheckReport {
  /** One problem: the spec key it concerns ({@code data.train}) and what is wrong. */
  record Problem(String key, String message) {}

  private final List<Problem> problems = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  void problem(String key, String message) {
    problems.add(new Problem(key, message));
  }

  void note(String note) {
    notes.add(note);
  }

  List<Problem> problems() {
    return List.copyOf(problems);
  }

  List<String> notes() {
    return List.copyOf(notes);
  }

  boolean ok() {
    return problems.isEmpty();
  }
}
