package dev.tollgate.activities.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link RawColumn#addFinite}, the Parquet reader's copy of a batch of doubles: all or nothing, so
 * a batch holding a NaN (a missing value) or an infinity (refused at its row) is left to the
 * value-by-value path.
 */
class RawColumnAddFiniteTest {

  @Test
  void aBatchOfFiniteNumbersIsAppendedWhole() {
    RawColumn column = new RawColumn("x", false);
    column.addNumber(7);
    double[] batch = {1.5, -2.5, Double.MAX_VALUE, -Double.MIN_VALUE, 99};
    assertThat(column.addFinite(batch, 4)).isTrue();
    assertThat(column.numbers()).containsExactly(7, 1.5, -2.5, Double.MAX_VALUE, -Double.MIN_VALUE);
    assertThat(column.missing()).isZero();
  }

  @Test
  void aBatchWithANanOrAnInfinityAppendsNothing() {
    for (double bad :
        new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      RawColumn column = new RawColumn("x", false);
      column.addNumber(3);
      assertThat(column.addFinite(new double[] {1, bad, 2}, 3)).as("%s", bad).isFalse();
      column.addNumber(4); // what was copied past the end is overwritten, not kept
      assertThat(column.numbers()).as("%s", bad).containsExactly(3, 4);
    }
  }

  @Test
  void aBatchLargerThanTheRoomLeftGrowsTheColumn() {
    RawColumn column = new RawColumn("x", false);
    double[] batch = new double[5000];
    for (int i = 0; i < batch.length; i++) batch[i] = i;
    assertThat(column.addFinite(batch, batch.length)).isTrue();
    assertThat(column.addFinite(batch, 10)).isTrue();
    assertThat(column.size()).isEqualTo(5010);
    assertThat(column.numbers()[4999]).isEqualTo(4999);
    assertThat(column.numbers()[5009]).isEqualTo(9);
  }
}
