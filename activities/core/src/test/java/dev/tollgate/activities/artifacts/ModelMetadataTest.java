package dev.tollgate.activities.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.activities.data.DataSchema;
import dev.tollgate.activities.data.FeatureStats;
import dev.tollgate.activities.files.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** metadata.json keeps the data schema in snake_case, and older files without one still read. */
class ModelMetadataTest {
  private static final DataSchema SCHEMA =
      new DataSchema(
          List.of(
              new DataSchema.Feature(
                  "region", DataSchema.Type.CATEGORICAL, List.of("north", "south"), null, "south"),
              new DataSchema.Feature(
                  "temperature", DataSchema.Type.NUMERIC, List.of(), 12.5, null)));

  private static ModelMetadata metadata(DataSchema schema, String loadSummary) {
    return new ModelMetadata(
        "energy-load",
        "gradient_boosting",
        Map.of("trees", 10.0),
        schema == null ? List.of("temperature") : schema.inputs(),
        "load",
        Map.of("rmse", 1.5),
        "abc",
        80,
        20,
        42,
        0.2,
        "4.4.2",
        "25",
        "2026-11-20T00:00:00Z",
        "def",
        Map.of(),
        "regression",
        "model.ubj",
        "xgboost-ubj",
        null,
        "3.0.0",
        loadSummary,
        schema,
        "0.1.0",
        Map.of("temperature", new FeatureStats(80, 12.5, 4.0, 1.0, 30.0)),
        null,
        null);
  }

  @Test
  void theSchemaAndTheLoadSummaryRoundTripInSnakeCase() throws IOException {
    ModelMetadata written = metadata(SCHEMA, "100 rows read, imputed {temperature=2}");
    byte[] json = Json.pretty(written);

    JsonNode tree = Json.mapper().readTree(json);
    assertThat(tree.get("load_summary").asText())
        .isEqualTo("100 rows read, imputed {temperature=2}");
    JsonNode region = tree.get("schema").get("features").get(0);
    assertThat(region.get("name").asText()).isEqualTo("region");
    assertThat(region.get("type").asText()).isEqualTo("CATEGORICAL");
    assertThat(region.get("categories").toString()).isEqualTo("[\"north\",\"south\"]");
    assertThat(region.get("mode").asText()).isEqualTo("south");
    assertThat(tree.get("features").toString())
        .isEqualTo("[\"region=north\",\"region=south\",\"temperature\"]");

    assertThat(tree.get("tollgate_version").asText()).isEqualTo("0.1.0");
    assertThat(tree.get("reference_stats").get("temperature").get("sd").asDouble()).isEqualTo(4.0);

    ModelMetadata read = Json.mapper().readValue(json, ModelMetadata.class);
    assertThat(read).isEqualTo(written);
    assertThat(read.schemaOrNumeric()).isEqualTo(SCHEMA);
  }

  @Test
  void olderMetadataWithoutASchemaReadsAsNullAndEncodesItsFeaturesAsNumbers() throws IOException {
    JsonNode tree = Json.mapper().readTree(Json.pretty(metadata(null, null)));
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree)
        .remove(List.of("schema", "load_summary", "tollgate_version", "reference_stats"));
    assertThat(tree.has("schema")).isFalse();

    ModelMetadata read = Json.mapper().treeToValue(tree, ModelMetadata.class);

    assertThat(read.schema()).isNull();
    assertThat(read.loadSummary()).isNull();
    assertThat(read.tollgateVersion()).isNull();
    assertThat(read.referenceStats()).isEmpty();
    assertThat(read.schemaOrNumeric()).isEqualTo(DataSchema.numeric(List.of("temperature")));
  }
}
