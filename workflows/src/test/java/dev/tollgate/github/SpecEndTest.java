package dev.tollgate.github;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A status description never passes GitHub's 140 characters. */
class SpecEndTest {
  @Test
  void cutsLongDescriptionsTo140() {
    String cut = SpecEnd.cut("x".repeat(300));
    assertThat(cut).hasSize(140).endsWith("…");
    assertThat(SpecEnd.cut("a\n  b")).isEqualTo("a b");
    assertThat(SpecEnd.without("y".repeat(500)))
        .extracting(SpecEnd::description)
        .satisfies(d -> assertThat(d.length()).isEqualTo(140));
  }
}
