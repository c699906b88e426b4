package dev.tollgate.activities.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Numbers read while a line is split (eight digits at a time) are the JDK's values bit for bit,
 * wherever they lie in the block: mid-array, or in its last bytes where fewer than eight remain.
 */
class CsvFieldsTest {

  /** Splits {@code line} (the last bytes of a block of {@code size}); every field a number. */
  private static CsvFields split(String line, int size) {
    byte[] text = line.getBytes(StandardCharsets.US_ASCII);
    byte[] block = new byte[Math.max(size, text.length)];
    int from = block.length - text.length;
    System.arraycopy(text, 0, block, from, text.length);
    CsvFields fields = new CsvFields();
    boolean[] numbers = new boolean[8];
    java.util.Arrays.fill(numbers, true);
    fields.parseNumbers(numbers);
    fields.split(block, from, block.length);
    return fields;
  }

  private static double value(CsvFields fields, int f) {
    return fields.parsed(f) ? fields.value(f) : fields.number(f);
  }

  @Test
  void numbersOfEveryLengthAgreeWithTheJdkMidBlockAndAtItsEnd() {
    Random random = new Random(11);
    for (int i = 0; i < 50_000; i++) {
      int digits = 1 + random.nextInt(17);
      StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
      int point = random.nextInt(digits + 1);
      for (int d = 0; d < digits; d++) {
        if (d == point && d > 0) text.append('.');
        text.append((char) ('0' + random.nextInt(10)));
      }
      String number = text.toString();
      String line = number + "," + number + "\n";
      for (int size : new int[] {line.length(), line.length() + 3, 4096}) {
        CsvFields fields = split(line, size);
        assertThat(fields.size()).isEqualTo(2);
        assertThat(value(fields, 0)).as(number).isEqualTo(Double.parseDouble(number));
        assertThat(value(fields, 1)).as(number).isEqualTo(Double.parseDouble(number));
      }
    }
  }

  @Test
  void whatExportsWriteIsParsedOnTheWayAndExactly() {
    Random random = new Random(3);
    for (int i = 0; i < 20_000; i++) {
      double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 4);
      String number = String.format(Locale.ROOT, "%.6f", v);
      CsvFields fields = split("a," + number + "\r\n", 64);
      assertThat(fields.parsed(1)).as(number).isTrue();
      assertThat(fields.value(1)).as(number).isEqualTo(Double.parseDouble(number));
    }
  }

  @Test
  void anythingElseTakesTheGeneralPath() {
    CsvFields fields = split(" 1.5,1e3,+2,\"4\",NaN,1.5x,,12345678901234567\n", 128);
    assertThat(fields.size()).isEqualTo(8);
    for (int f = 0; f < 8; f++) assertThat(fields.parsed(f)).as("field %d", f).isFalse();
    assertThat(fields.number(0)).isEqualTo(1.5);
    assertThat(fields.number(1)).isEqualTo(1000);
    assertThat(fields.number(2)).isEqualTo(2);
    assertThat(fields.number(3)).isEqualTo(4);
    assertThat(fields.isMissing(4, false)).isTrue();
    assertThat(fields.text(5)).isEqualTo("1.5x");
    assertThat(fields.isMissing(6, false)).isTrue();
    assertThat(fields.number(7)).isEqualTo(Double.parseDouble("12345678901234567"));
  }

  @Test
  void digitsPastTheBlocksEndAreNotItsOwn() {
    // a reused block: what an earlier, longer block left past this one's end
    byte[] block = "12,3456789999999999".getBytes(StandardCharsets.US_ASCII);
    CsvFields fields = new CsvFields();
    fields.parseNumbers(new boolean[] {true, true});
    assertThat(fields.split(block, 0, 6)).isEqualTo(6);
    assertThat(fields.value(0)).isEqualTo(12);
    assertThat(fields.value(1)).isEqualTo(345);
  }
}
