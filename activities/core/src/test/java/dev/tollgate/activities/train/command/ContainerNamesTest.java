package dev.tollgate.activities.train.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Deterministic names from run and attempt, in the characters docker allows, not too long. */
class ContainerNamesTest {
  @Test
  void theNameComesFromModelRunAndAttempt() {
    assertThat(ContainerNames.name("churn", "churn-20261207-abc/1", 3))
        .isEqualTo("tollgate-train-churn-churn-20261207-abc-1-3")
        .isEqualTo(ContainerNames.name("churn", "churn-20261207-abc/1", 3));
    assertThat(ContainerNames.name("churn", "r", 4))
        .isNotEqualTo(ContainerNames.name("churn", "r", 3));
  }

  @Test
  void aLongRunIdIsCutKeepingTheAttempt() {
    String name = ContainerNames.name("m", "x".repeat(300), 12);
    assertThat(name).hasSize(128).endsWith("-12").matches("[A-Za-z0-9][A-Za-z0-9_.-]+");
  }
}
