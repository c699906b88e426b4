package dev.tollgate.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchPlanTest {
  private static final String SPEC =
      """
      model: m
      data: { train: "file:/d.csv", target: y, features: [a, b] }
      training:
        algorithm: gradient_boosting
        params: { trees: 100, shrinkage: 0.1 }
        seed: 7
        search:
      %s
      approval: { approvers: [alice] }
      """;

  private static PipelineSpec parse(String search) {
    String indented = search.lines().map(l -> "    " + l).reduce("", (a, b) -> a + b + "\n");
    return SpecParser.parse(SPEC.formatted(indented), "s.yaml", Path.of("/"));
  }

  @Test
  void gridTriesEveryCombinationOverTheFixedParams() {
    PipelineSpec spec = parse("method: grid\nspace: { max_depth: [4, 6], trees: [50, 100, 200] }");
    List<Map<String, ParamValue>> trials = SearchPlan.trials(spec.task(), spec.training());
    assertThat(trials).hasSize(6);
    assertThat(trials.get(0))
        .containsEntry("max_depth", ParamValue.number(4))
        .containsEntry("trees", ParamValue.number(50))
        .containsEntry("shrinkage", ParamValue.number(0.1));
    assertThat(trials)
        .extracting(t -> t.get("trees").plain())
        .containsExactly(50.0, 100.0, 200.0, 50.0, 100.0, 200.0);
    assertThat(spec.training().search().trials()).isEqualTo(6);
    assertThat(spec.training().search().metric()).isEqualTo("rmse");
  }

  @Test
  void aGridRecordsTheTrialsItRunsAndAHugeOneIsRefused() {
    PipelineSpec spec = parse("method: grid\ntrials: 50\nspace: { max_depth: [4, 6] }");
    assertThat(spec.training().search().trials()).isEqualTo(2);
    // 100,000 values in each of 4 params: 10^20 combinations, more than a long holds.
    List<ParamValue> values =
        java.util.stream.IntStream.range(0, 100_000).mapToObj(ParamValue::number).toList();
    var wide = new SearchSpec.ParamSpace(values, null, null);
    assertThat(SearchPlan.gridSize(Map.of("a", wide, "b", wide, "c", wide, "d", wide)))
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aChoiceIsSearchedAndTriedByItsNames() {
    PipelineSpec spec =
        parse("method: grid\nspace: { grow_policy: [depthwise, lossguide], max_leaves: [0, 31] }");
    List<Map<String, ParamValue>> trials = SearchPlan.trials(spec.task(), spec.training());
    assertThat(trials)
        .extracting(t -> t.get("grow_policy"))
        .containsExactlyInAnyOrder(
            ParamValue.text("depthwise"),
            ParamValue.text("depthwise"),
            ParamValue.text("lossguide"),
            ParamValue.text("lossguide"));
    assertThatThrownBy(() -> parse("method: grid\nspace: { grow_policy: [depthwise, leafwise] }"))
        .hasMessageContaining(
            "training.search.space.grow_policy[1]: expected one of [depthwise, lossguide], got"
                + " 'leafwise'");
    assertThatThrownBy(() -> parse("method: grid\nspace: { grow_policy: [lossguide, lossguide] }"))
        .hasMessageContaining(
            "training.search.space.grow_policy[1]: 'lossguide' is listed twice (also at [0])");
    assertThatThrownBy(() -> parse("method: grid\nspace: { trees: [100, 50, 100.0] }"))
        .hasMessageContaining(
            "training.search.space.trees[2]: '100' is listed twice (also at [0])");
    assertThatThrownBy(
            () -> parse("method: random\ntrials: 3\nspace: { grow_policy: { min: 0, max: 1 } }"))
        .hasMessageContaining(
            "training.search.space.grow_policy: expected a list of choices such as [depthwise,"
                + " lossguide], not a range");
  }

  @Test
  void randomSamplesAreSeededAndRespectWholeNumbers() {
    PipelineSpec spec =
        parse(
            "method: random\ntrials: 5\nparallelism: 3\nspace: { max_depth: { min: 2, max: 12 }, shrinkage: { min: 0.01, max: 0.3 } }");
    List<Map<String, ParamValue>> first = SearchPlan.trials(spec.task(), spec.training());
    assertThat(first).hasSize(5).isEqualTo(SearchPlan.trials(spec.task(), spec.training()));
    assertThat(first)
        .allSatisfy(
            t -> {
              double depth = ((ParamValue.Numeric) t.get("max_depth")).value();
              assertThat(depth).isBetween(2.0, 12.0);
              assertThat(depth % 1).isZero();
              assertThat(((ParamValue.Numeric) t.get("shrinkage")).value()).isBetween(0.01, 0.3);
            });
    assertThat(first.stream().map(t -> t.get("shrinkage")).distinct()).hasSize(5);
  }

  @Test
  void refusesSearchesThatCannotRun() {
    assertThatThrownBy(
            () -> parse("method: grid\ntrials: 3\nspace: { max_depth: [4, 6], trees: [50, 100] }"))
        .hasMessageContaining(
            "s.yaml: training.search.trials: the grid has 4 combinations but trials is 3");
    assertThatThrownBy(() -> parse("method: grid\nspace: { shrinkage: { min: 0.1, max: 0.2 } }"))
        .hasMessageContaining("training.search.space.shrinkage: expected a list of values");
    assertThatThrownBy(() -> parse("method: random\ntrials: 4\nspace: { depth: [4] }"))
        .hasMessageContaining("training.search.space.depth: unknown key");
    assertThatThrownBy(() -> parse("method: random\ntrials: 4\nspace: { trees: [10, 0] }"))
        .hasMessageContaining("training.search.space.trees[1]: expected a value from");
    assertThatThrownBy(
            () -> parse("method: random\ntrials: 4\nmetric: accuracy\nspace: { trees: [10] }"))
        .hasMessageContaining("training.search.metric: expected one of [mae, mape, r2, rmse]");
    assertThatThrownBy(() -> parse("method: random\nspace: { trees: [10] }"))
        .hasMessageContaining("training.search.trials: missing");
  }
}
