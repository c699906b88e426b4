package dev.tollgate.activities.data;

import static dev.tollgate.activities.data.ParquetFixtures.read;
import static dev.tollgate.activities.data.ParquetFixtures.spec;
import static dev.tollgate.activities.data.ParquetFixtures.uri;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.spec.MissingPolicy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How each Parquet type fills a used column (typed.parquet: five rows, row 4 null in every nullable
 * column): numbers, categories as the text a CSV would hold, timestamps as epoch milliseconds.
 */
class ParquetTypesTest {
  private static final double NEW_YEAR = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
  private static final double HOUR = 3_600_000;
  private static final double DAY = 24 * HOUR;

  private static RawTable numbers(String... features) {
    return read(spec(uri("typed.parquet"), "y", List.of(features)));
  }

  private static List<String> categories(String feature) {
    RawTable table =
        read(
            spec(
                uri("typed.parquet"),
                "y",
                List.of(feature),
                List.of(feature),
                null,
                MissingPolicy.FAIL,
                null));
    RawColumn column = table.features().getFirst();
    int[] codes = column.codes();
    return java.util.Arrays.stream(codes)
        .mapToObj(c -> c < 0 ? null : column.seen().get(c))
        .toList();
  }

  @Test
  void numericTypesReadAsTheirValuesWithNullsMissing() {
    RawTable table = numbers("d", "f", "i32", "i64", "u64", "b", "dec");
    List<RawColumn> c = table.features();
    assertThat(c.get(0).numbers()).containsExactly(1.5, 2.5, -3.25, Double.NaN, 5.0);
    assertThat(c.get(1).numbers()).containsExactly(0.5, 1.5, 2.5, Double.NaN, 4.5);
    assertThat(c.get(2).numbers()).containsExactly(1, 2, 3, Double.NaN, 5);
    assertThat(c.get(3).numbers()).containsExactly(10, 20, 30, Double.NaN, 50);
    assertThat(c.get(4).numbers()).containsExactly(1, 2, 0x1p63 + 2048, Double.NaN, 5);
    assertThat(c.get(5).numbers())
        .as("booleans as 0 and 1")
        .containsExactly(1, 0, 1, Double.NaN, 0);
    assertThat(c.get(6).numbers()).containsExactly(1.25, 2.5, -3.75, Double.NaN, 5);
    assertThat(c).allSatisfy(column -> assertThat(column.missing()).isEqualTo(1));
    assertThat(c).allSatisfy(column -> assertThat(column.firstMissingLine()).isEqualTo(4));
    assertThat(table.target().numbers()).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void aNanInAFloatColumnIsAMissingValueAsPandasWritesOne() {
    RawColumn nan = numbers("nan").features().getFirst();
    assertThat(nan.missing()).isEqualTo(1);
    assertThat(nan.firstMissingLine()).isEqualTo(2);
  }

  @Test
  void textPlainOrDictionaryEncodedIsACategory() {
    assertThat(categories("s")).containsExactly("red", "green", "red", null, "blue");
    assertThat(categories("s_dict")).containsExactly("a", "b", "a", null, "b");
  }

  @Test
  void wholeNumbersAndBooleansAreCategoriesAsTheirText() {
    assertThat(categories("i64")).containsExactly("10", "20", "30", null, "50");
    assertThat(categories("i32")).containsExactly("1", "2", "3", null, "5");
    assertThat(categories("u64")).containsExactly("1", "2", "9223372036854777856", null, "5");
    assertThat(categories("b")).containsExactly("true", "false", "true", null, "false");
  }

  @Test
  void classLabelsHeldAsFloatingPointNumbersAreLabelsAsTheirText() {
    var spec = spec(uri("float-labels.parquet"), "label", List.of("x1"));
    Dataset data = new DatasetLoader().load(spec, dev.tollgate.spec.Task.CLASSIFICATION);
    assertThat(data.classes()).containsExactly("0.0", "1.0");
    assertThat(data.y()).containsExactly(0, 1, 0, 1, 1, 0, 1, 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ts_ms", "ts_us", "ts_ns", "ts_text"})
  void timestampsOfEveryUnitAndTextAreEpochMillisUtc(String column) {
    RawTable table =
        read(
            spec(
                uri("typed.parquet"),
                "y",
                List.of("d"),
                List.of(),
                column,
                MissingPolicy.FAIL,
                null));
    assertThat(table.time().numbers())
        .containsExactly(
            NEW_YEAR, NEW_YEAR + HOUR, NEW_YEAR + 2 * HOUR, Double.NaN, NEW_YEAR + 4 * HOUR);
  }

  @Test
  void legacyInt96TimestampsAreEpochMillisToo() {
    RawTable table =
        read(
            spec(
                uri("int96.parquet"),
                "y",
                List.of("d"),
                List.of(),
                "ts_ms",
                MissingPolicy.FAIL,
                null));
    assertThat(table.time().numbers())
        .containsExactly(
            NEW_YEAR, NEW_YEAR + HOUR, NEW_YEAR + 2 * HOUR, Double.NaN, NEW_YEAR + 4 * HOUR);
  }

  @Test
  void decimalsStoredAsIntegersAreScaled() {
    RawTable table = read(spec(uri("decimals-as-integers.parquet"), "y", List.of("d32", "d64")));
    assertThat(table.features().get(0).numbers()).containsExactly(1.25, -2.5);
    assertThat(table.features().get(1).numbers()).containsExactly(1.125, -2.5);
  }

  @Test
  void aDateIsItsMidnightUtc() {
    RawTable table =
        read(
            spec(
                uri("typed.parquet"),
                "y",
                List.of("d"),
                List.of(),
                "day",
                MissingPolicy.FAIL,
                null));
    assertThat(table.time().numbers())
        .containsExactly(
            NEW_YEAR, NEW_YEAR + DAY, NEW_YEAR + 2 * DAY, Double.NaN, NEW_YEAR + 4 * DAY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"numbers-zstd.parquet", "numbers-gzip.parquet", "numbers-none.parquet"})
  void everyCommonCodecReadsTheSameValuesAsSnappy(String file) {
    RawTable snappy = read(spec(uri("numbers.parquet"), "y", List.of("x1", "x2")));
    RawTable other = read(spec(uri(file), "y", List.of("x1", "x2")));
    assertThat(other.rows()).isEqualTo(40);
    assertThat(other.features().get(0).numbers())
        .containsExactly(snappy.features().get(0).numbers());
    assertThat(other.features().get(1).numbers())
        .containsExactly(snappy.features().get(1).numbers());
    assertThat(other.target().numbers()).containsExactly(snappy.target().numbers());
  }
}
