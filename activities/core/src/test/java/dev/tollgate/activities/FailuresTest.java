package dev.tollgate.activities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every business failure's message is cleaned and capped where it is made. */
class FailuresTest {

  @Test
  void aHugeMessageIsCutFarBelowGrpcsLimit() {
    String huge = "x".repeat(5_000_000);
    for (var failure :
        java.util.List.of(
            Failures.invalidData(huge),
            Failures.unsupported(huge),
            Failures.artifactMismatch(huge))) {
      assertThat(failure.getOriginalMessage())
          .hasSizeLessThan(Failures.MAX_MESSAGE + 60)
          .endsWith("… (cut at 2,000 of 5,000,000 characters)");
    }
  }

  @Test
  void controlCharactersAreStrippedAndLineBreaksBecomeSpaces() {
    String message =
        Failures.invalidData("a\u001b[31mred\u0000\nnext\u009b line\u202e").getOriginalMessage();
    assertThat(message).isEqualTo("a[31mred next line");
  }

  @Test
  void aShortMessageIsKeptAsWritten() {
    assertThat(
            Failures.invalidData("load.csv row 17, column x1: 'warm' is not a number")
                .getOriginalMessage())
        .isEqualTo("load.csv row 17, column x1: 'warm' is not a number");
  }
}
