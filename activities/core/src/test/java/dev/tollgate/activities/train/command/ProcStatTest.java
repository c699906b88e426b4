package dev.tollgate.activities.train.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {

  @Test
  void readsTheFieldsAfterACommandNameWithSpacesAndParentheses() {
    String stat =
        "4242 (my (odd) name) S 17 4242 4240 0 -1 4194304 1 0 0 0 0 0 0 0 20 0 1 0 987654 0 0";
    assertThat(ProcStat.parse(4242, stat))
        .isEqualTo(new ProcStat(4242, 'S', 17, 4242, 4240, 987654));
  }
}
