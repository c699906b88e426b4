package dev.tollgate.spec;

import java.util.regex.Pattern;

/**
 * One package a Ray job may ask pip to install ({@code training.runtime_env.pip}, and each line of
 * {@code runtime_env.requirements}): a name from the index the cluster's nodes use, with optional
 * extras, version specifiers and environment markers ({@code xgboost==3.1.2}, {@code
 * ray[train]>=2.60; python_version >= "3.10"}). Refused: pip options ({@code -e}, {@code -r},
 * {@code --index-url}, {@code --extra-index-url}, {@code -f}), URLs ({@code name @ https://…},
 * {@code git+https://…}) and paths. Each of those would let a spec choose where the code the nodes
 * install comes from (another index, a repository, a file it names), while the nodes' own pip
 * settings (their index, proxy, CA) are the operator's to decide.
 */
public final class PipRequirement {
  /** The most characters one requirement may have. */
  public static final int MAX_LENGTH = 200;

  private static final String NAME = "[A-Za-z0-9](?:[A-Za-z0-9._-]{0,99}[A-Za-z0-9])?";
  private static final String EXTRAS = "(?:\\[\\s*" + NAME + "(?:\\s*,\\s*" + NAME + ")*\\s*])?";
  private static final String CLAUSE = "(?:===|~=|==|!=|<=|>=|<|>)\\s*[A-Za-z0-9.*+!_-]+";
  private static final String SPECIFIERS = "(?:\\s*" + CLAUSE + "(?:\\s*,\\s*" + CLAUSE + ")*)?";
  private static final String MARKER = "(?:\\s*;[A-Za-z0-9_.<>=!~'\" ()]+)?";
  private static final Pattern REQUIREMENT =
      Pattern.compile(NAME + "\\s*" + EXTRAS + SPECIFIERS + MARKER + "\\s*");

  private PipRequirement() {}

  /**
   * Why {@code requirement} is refused, in words a spec's author can act on; {@code null} when it
   * is a plain requirement. The text given is never part of the answer.
   */
  public static String problem(String requirement) {
    String text = requirement.strip();
    if (text.isEmpty()) return "expected a requirement such as xgboost==3.1.2, got nothing";
    if (text.length() > MAX_LENGTH) {
      return "expected a requirement such as xgboost==3.1.2, got " + text.length() + " characters";
    }
    if (text.chars().anyMatch(Character::isISOControl)) {
      return "expected one requirement on one line, such as xgboost==3.1.2";
    }
    if (text.startsWith("-")) {
      return "pip options (-e, -r, --index-url, --extra-index-url, -f, …) are refused: a spec"
          + " must not point pip at another index or at files; the nodes' pip settings decide"
          + " where packages come from. Give a requirement such as xgboost==3.1.2";
    }
    if (text.contains("://")
        || text.contains("@")
        || text.toLowerCase(java.util.Locale.ROOT).startsWith("file:")) {
      return "URLs and direct references (name @ https://…, git+https://…) are refused: a spec"
          + " must not point pip at code elsewhere; name a package of the nodes' index, such as"
          + " xgboost==3.1.2";
    }
    if (text.startsWith(".") || text.startsWith("~") || text.contains("/") || text.contains("\\")) {
      return "paths are refused: pip would install code from the node's disk; name a package of"
          + " the nodes' index, such as xgboost==3.1.2 (your own code goes in training.workdir)";
    }
    if (!REQUIREMENT.matcher(text).matches()) {
      return "expected a requirement such as xgboost==3.1.2 or pandas>=2,<3 (a name, optional"
          + " [extras], version specifiers and ; markers)";
    }
    return null;
  }
}
