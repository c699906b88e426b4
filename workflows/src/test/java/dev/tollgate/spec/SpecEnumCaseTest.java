package dev.tollgate.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every enum of the spec takes any case: {@code validation.drift.method}, {@code
 * deploy.environments[].approval} and {@code notify.on} were the last that did not (found when the
 * spec's JSON Schema was written from the parser).
 */
class SpecEnumCaseTest {
  private static final String SPEC =
      """
      model: energy-load
      task: regression
      data: { train: file:data/load.csv, target: load, features: [temperature] }
      training: { algorithm: gradient_boosting }
      validation:
        thresholds: { rmse: { max: 75 } }
        drift: { method: KS }
      approval: { approvers: [alice] }
      deploy:
        target: local
        environments: [{name: staging, approval: None}, {name: production, approval: REQUIRED}]
      notify:
        on: [Run_Started, DECIDED]
      """;

  private static PipelineSpec parse(String yaml) {
    return SpecParser.parse(yaml, "energy.yaml", Path.of("/specs"));
  }

  @Test
  void driftMethodApprovalAndNotifyEventsTakeAnyCase() {
    PipelineSpec spec = parse(SPEC);

    assertThat(spec.validation().drift().method()).isEqualTo("ks");
    assertThat(spec.notifications().on()).containsExactly("run_started", "decided");
    assertThat(spec.deploy().environments()).hasSize(2);
  }

  @Test
  void anEventListedTwiceInTwoCasesIsRefused() {
    assertThatThrownBy(() -> parse(SPEC.replace("DECIDED", "run_started")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("notify.on[1]")
        .hasMessageContaining("'run_started' is listed twice");
  }

  @Test
  void anUnknownValueIsStillRefusedAsWritten() {
    assertThatThrownBy(() -> parse(SPEC.replace("method: KS", "method: Kolmogorov")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("validation.drift.method")
        .hasMessageContaining("got 'Kolmogorov'");
  }
}
