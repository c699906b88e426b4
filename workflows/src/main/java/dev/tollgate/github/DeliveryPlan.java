package dev.tollgate.github;

import dev.tollgate.stages.CommitLineage;
import java.util.List;

/**
 * What one delivery asks for, read at its commit: one run per affected spec that parses, one
 * problem per affected spec that does not.
 *
 * @param commit the lineage every run of this delivery records (repository without credentials,
 *     ref, full SHA, author name, clean)
 * @param runs the affected specs that parse, in path order
 * @param problems the affected specs that do not parse, in path order
 */
public record DeliveryPlan(
    CommitLineage commit, List<PlannedRun> runs, List<SpecProblem> problems) {
  public DeliveryPlan {
    runs = runs == null ? List.of() : List.copyOf(runs);
    problems = problems == null ? List.of() : List.copyOf(problems);
  }
}
