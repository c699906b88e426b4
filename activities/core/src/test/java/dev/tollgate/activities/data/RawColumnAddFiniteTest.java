package dev.tollgate.activities.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link RawColumn#addFinite}, the Parquet reader's copy of a batch of doubles: all or nothing, so
 * a batch holding a NaN (a missing value) or an infinity (refused at its row) is left to the
 * value-by-value path; and {@link RawColumn#adoptFinite}, which keeps an empty column's first batch
 * as it is.
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

  @Test
  void anEmptyColumnKeepsItsFirstBatchAsItsOwnArrayAndCopiesTheNext() {
    RawColumn column = new RawColumn("x", false);
    column.reserve(1_000_000); // announced only: the adopted batch is the storage
    double[] first = {1, 2, 3};
    assertThat(column.adoptFinite(first, 3)).isTrue();
    assertThat(column.numbers()).isSameAs(first);
    double[] second = {4, 5};
    assertThat(column.adoptFinite(second, 2)).isTrue();
    assertThat(column.numbers()).isNotSameAs(second).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void aFirstBatchWithANanOrAnInfinityIsNotKept() {
    for (double bad :
        new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      RawColumn column = new RawColumn("x", false);
      double[] batch = {1, bad, 2};
      assertThat(column.adoptFinite(batch, 3)).as("%s", bad).isFalse();
      assertThat(column.size()).as("%s", bad).isZero();
      column.addNumber(4);
      assertThat(column.numbers()).as("%s", bad).containsExactly(4);
    }
  }

  @Test
  void aReservedColumnGrowsStraightToItsRowsAndKeepsEveryValue() {
    RawColumn column = new RawColumn("x", false);
    column.reserve(3000);
    for (int i = 0; i < 2500; i++) column.addNumber(i);
    column.addMissing(2501);
    double[] batch = new double[600];
    for (int i = 0; i < batch.length; i++) batch[i] = -i;
    assertThat(column.addFinite(batch, 600)).isTrue();
    double[] numbers = column.numbers();
    assertThat(numbers).hasSize(3101);
    assertThat(numbers[2499]).isEqualTo(2499);
    assertThat(numbers[2500]).isNaN();
    assertThat(numbers[3100]).isEqualTo(-599);
    assertThat(column.missing()).isEqualTo(1);
  }
}
