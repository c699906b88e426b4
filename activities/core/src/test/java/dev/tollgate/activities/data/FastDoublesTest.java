package dev.tollgate.activities.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FastDoublesTest {

  private static double parse(String text) {
    String padded = "ab," + text + ",cd"; // parsed in place, from the middle of a line
    return FastDoubles.parse(padded, 3, 3 + text.length());
  }

  @Test
  void agreesBitForBitWithTheJdkOnWhatExportsWrite() {
    Random random = new Random(7);
    String[] formats = {"%.6f", "%.2f", "%.17g", "%.3e", "%.0f", "%.12f"};
    for (int i = 0; i < 20_000; i++) {
      double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(16) - 6);
      String text = String.format(Locale.ROOT, formats[i % formats.length], v);
      assertThat(parse(text)).as(text).isEqualTo(Double.parseDouble(text));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-0",
        "+7",
        "1.",
        ".5",
        "3.14159",
        "1e22",
        "1e23",
        "4.9e-324",
        "12345678901234567890",
        "0.1000000000000000055511151231257827",
        "1.5d",
        "Infinity",
        "0x1p3",
        "-2.5E-3"
      })
  void edgeCasesMatchTheJdk(String text) {
    assertThat(parse(text)).isEqualTo(Double.parseDouble(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-", ".", "1e", "e5", "1,5", "1_000", "--1"})
  void garbageIsRefusedAsTheJdkDoes(String text) {
    assertThatThrownBy(() -> parse(text)).isInstanceOf(NumberFormatException.class);
  }
}
