package dev.tollgate.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.common.converter.DefaultDataConverter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The typed-column keys of {@code data}: categorical, timestamp, missing. */
class DataKeysTest {
  private static final String SPEC =
      """
      model: shop-sales
      data:
        train: file:sales.csv.gz
        target: sales
        features: [price, region, weekday]
        categorical: [region, weekday]
        timestamp: day
        missing: drop_rows
      training:
        algorithm: gradient_boosting
      approval:
        approvers: [alice]
      """;

  private static PipelineSpec parse(String yaml) {
    return SpecParser.parse(yaml, "sales.yaml", Path.of("/specs"));
  }

  @Test
  void readsCategoricalTimestampAndMissing() {
    DataSpec data = parse(SPEC).data();
    assertThat(data.categorical()).containsExactly("region", "weekday");
    assertThat(data.isCategorical("region")).isTrue();
    assertThat(data.isCategorical("price")).isFalse();
    assertThat(data.timestamp()).isEqualTo("day");
    assertThat(data.missing()).isEqualTo(MissingPolicy.DROP_ROWS);
    assertThat(data.train()).isEqualTo("file:///specs/sales.csv.gz");
  }

  @Test
  void defaultsToNumericFeaturesRandomSplitAndFailingOnMissingValues() {
    String yaml =
        SPEC.replace("  categorical: [region, weekday]\n", "")
            .replace("  timestamp: day\n", "")
            .replace("  missing: drop_rows\n", "");
    DataSpec data = parse(yaml).data();
    assertThat(data.categorical()).isEmpty();
    assertThat(data.timestamp()).isNull();
    assertThat(data.missing()).isEqualTo(MissingPolicy.FAIL);
  }

  @Test
  void survivesTemporalsJsonConverterAndOlderPayloadsDefault() {
    DataSpec data = parse(SPEC).data();
    var converter = DefaultDataConverter.STANDARD_INSTANCE;
    var payload = converter.toPayload(data).orElseThrow();
    assertThat(converter.fromPayload(payload, DataSpec.class, DataSpec.class)).isEqualTo(data);
    // A run started before these keys existed carries none of them.
    String old =
        "{\"train\":\"file:///a.csv\",\"target\":\"y\",\"features\":[\"x\"],\"minRows\":1}";
    var legacy =
        converter.fromPayload(
            payload.toBuilder().setData(com.google.protobuf.ByteString.copyFromUtf8(old)).build(),
            DataSpec.class,
            DataSpec.class);
    assertThat(legacy.categorical()).isEmpty();
    assertThat(legacy.missing()).isEqualTo(MissingPolicy.FAIL);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "missing: drop_rows|missing: guess|data.missing|expected one of [fail, drop_rows, impute], got 'guess'",
        "categorical: [region, weekday]|categorical: [region, colour]|data.categorical[1]|expected one of the features [price, region, weekday], got 'colour'",
        "categorical: [region, weekday]|categorical: [region, region]|data.categorical[1]|'region' is listed twice",
        "categorical: [region, weekday]|categorical: region|data.categorical|expected a list such as [a, b]",
        "timestamp: day|timestamp: price|data.timestamp|neither the target nor a feature",
        "timestamp: day|timestamp: sales|data.timestamp|neither the target nor a feature",
        "timestamp: day|timestamp: [day]|data.timestamp|expected non-empty text",
      })
  void refusesBadValuesNamingFileKeyAndExpectation(
      String from, String to, String key, String expected) {
    String yaml = SPEC.replace(from, to);
    assertThat(yaml).isNotEqualTo(SPEC);
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("sales.yaml: " + key + ": ")
        .hasMessageContaining(expected);
  }
}
