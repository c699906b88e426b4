package dev.tollgate.worker.policy;

import dev.tollgate.policy.ApprovalPolicy;
import dev.tollgate.spec.PolicyParser;
import dev.tollgate.spec.YamlFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The operator's approval policies: every {@code *.yaml} / {@code *.yml} file of one folder, read
 * again at each lookup so an edited file applies to the next run without a restart (each run
 * records the policy it got). Lookup, most specific first: the model's file for the environment,
 * the model's file for every environment, the {@code "*"} file for the environment, the {@code "*"}
 * file. Without a folder every lookup is {@link ApprovalPolicy#DEFAULT}; with one, a model no file
 * covers is refused (fail closed), naming the folder.
 */
public final class PolicyFolder {
  private final Path dir;

  public PolicyFolder(Path dir) {
    this.dir = dir;
  }

  public boolean configured() {
    return dir != null;
  }

  public Path dir() {
    return dir;
  }

  /**
   * Every policy of the folder, checked: a file that does not parse, or two files for the same
   * model and environment, is an {@link IllegalArgumentException} naming the file(s).
   */
  public List<ApprovalPolicy> load() {
    if (dir == null) return List.of();
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "tollgate.approval-policy.dir (TOLLGATE_APPROVAL_POLICY_DIR) "
              + dir
              + " is not a folder");
    }
    List<ApprovalPolicy> all = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (Path file : files()) {
      ApprovalPolicy p = PolicyParser.parse(file);
      String key =
          p.model() + " / " + (p.environment() == null ? "every environment" : p.environment());
      String before = seen.putIfAbsent(key, p.name());
      if (before != null) {
        throw new IllegalArgumentException(
            dir + ": " + before + " and " + p.name() + " are both the policy for " + key);
      }
      all.add(p);
    }
    return all;
  }

  /**
   * The policy for {@code model}'s gate in {@code environment} ({@code null}: the model's policy
   * for every environment, which the production actions use).
   *
   * @throws IllegalArgumentException when no file covers the model, or the folder is broken
   */
  public ApprovalPolicy lookup(String model, String environment) {
    if (dir == null) return ApprovalPolicy.DEFAULT;
    List<ApprovalPolicy> all = load();
    for (String m : List.of(model, ApprovalPolicy.ANY)) {
      if (environment != null) {
        for (ApprovalPolicy p : all) {
          if (p.model().equals(m) && environment.equals(p.environment())) return p;
        }
      }
      for (ApprovalPolicy p : all) {
        if (p.model().equals(m) && p.environment() == null) return p;
      }
    }
    throw new IllegalArgumentException(
        "no approval policy for model "
            + model
            + (environment == null ? "" : " (environment " + environment + ")")
            + " in "
            + dir
            + ": add a file with model: "
            + model
            + (environment == null ? " and no environment" : "")
            + ", or one with model: \"*\"");
  }

  private List<Path> files() {
    return YamlFiles.in(dir);
  }

  @Override
  public String toString() {
    return "PolicyFolder[" + Objects.toString(dir, "none") + "]";
  }
}
