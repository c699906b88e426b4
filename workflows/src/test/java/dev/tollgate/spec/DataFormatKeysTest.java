package dev.tollgate.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.common.converter.DefaultDataConverter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code data.format}: csv or parquet in any case, or the URI's name when absent. */
class DataFormatKeysTest {
  private static final String SPEC =
      """
      model: shop-sales
      data:
        train: TRAIN
        target: sales
        features: [price]
      training:
        algorithm: gradient_boosting
      approval:
        approvers: [alice]
      """;

  private static DataSpec parse(String train, String format) {
    String yaml = SPEC.replace("TRAIN", train);
    if (format != null) yaml = yaml.replace("  features:", "  format: " + format + "\n  features:");
    return SpecParser.parse(yaml, "sales.yaml", Path.of("/specs")).data();
  }

  @ParameterizedTest
  @CsvSource({
    "file:sales.csv, CSV",
    "file:sales.csv.gz, CSV",
    "file:sales.parquet, PARQUET",
    "file:sales.PQ, PARQUET",
    "file:data/parts/, PARQUET",
    "s3://bucket/sales.parquet, PARQUET",
    "s3://bucket/exports/2026/, PARQUET",
    "s3://bucket/sales.txt, CSV"
  })
  void withoutTheKeyTheUrisNameDecides(String train, DataFormat expected) {
    DataSpec data = parse(train, null);
    assertThat(data.format()).isNull();
    assertThat(data.dataFormat()).isEqualTo(expected);
  }

  @Test
  void aLocalFolderKeepsItsSlashSoItReadsAsParquet() {
    assertThat(parse("file:data/parts/", null).train()).isEqualTo("file:///specs/data/parts/");
  }

  @Test
  void aNameWithoutTheSlashStaysAFileEvenWhereAFolderOfThatNameExists(
      @org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
    java.nio.file.Files.createDirectories(dir.resolve("load.csv"));
    String yaml = SPEC.replace("TRAIN", "file:load.csv");
    DataSpec data = SpecParser.parse(yaml, "sales.yaml", dir).data();
    assertThat(data.train()).endsWith("/load.csv");
    assertThat(data.dataFormat()).isEqualTo(DataFormat.CSV);
  }

  @ParameterizedTest
  @CsvSource({"parquet, PARQUET", "Parquet, PARQUET", "PARQUET, PARQUET", "csv, CSV", "Csv, CSV"})
  void theKeyTakesAnyCaseAndWinsOverTheName(String given, DataFormat expected) {
    DataSpec data = parse("file:export.dat", given);
    assertThat(data.format()).isEqualTo(expected);
    assertThat(data.dataFormat()).isEqualTo(expected);
  }

  @Test
  void anUnknownFormatIsRefusedNamingTheKeyAndTheChoices() {
    assertThatThrownBy(() -> parse("file:sales.csv", "orc"))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("sales.yaml: data.format: ")
        .hasMessageContaining("expected one of [csv, parquet], got 'orc'");
  }

  @Test
  void aSpecWithoutTheKeySerialisesAsBeforeAndOneWithItRoundTrips() {
    var converter = DefaultDataConverter.STANDARD_INSTANCE;
    DataSpec without = parse("file:sales.csv", null);
    String json = converter.toPayload(without).orElseThrow().getData().toStringUtf8();
    assertThat(json).doesNotContain("format");

    DataSpec with = parse("file:sales.bin", "parquet");
    var payload = converter.toPayload(with).orElseThrow();
    assertThat(payload.getData().toStringUtf8()).contains("\"format\":\"PARQUET\"");
    assertThat(converter.fromPayload(payload, DataSpec.class, DataSpec.class)).isEqualTo(with);
    assertThat(with.withTrain("file:///other.bin").format()).isEqualTo(DataFormat.PARQUET);
  }
}
