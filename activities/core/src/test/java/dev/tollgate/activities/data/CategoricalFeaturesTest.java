package dev.tollgate.activities.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.files.Json;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.MissingPolicy;
import dev.tollgate.spec.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CategoricalFeaturesTest {
  @TempDir Path dir;
  private final DatasetLoader loader = new DatasetLoader();

  private DataSpec spec(String name, String csv) throws IOException {
    Path file = Files.writeString(dir.resolve(name), csv);
    return new DataSpec(
        file.toUri().toString(),
        "y",
        List.of("region", "price", "weekday"),
        1,
        null,
        List.of("region", "weekday"),
        null,
        MissingPolicy.FAIL);
  }

  @Test
  void eachCategoryBecomesASortedZeroOneInputInSpecOrder() throws IOException {
    Dataset data =
        loader.load(
            spec("train.csv", "region,price,weekday,y\nsouth,1,mon,1\nnorth,2,tue,2\nNA,3,mon,3\n"),
            Task.REGRESSION);
    assertThat(data.features())
        .containsExactly(
            "region=NA", "region=north", "region=south", "price", "weekday=mon", "weekday=tue");
    assertThat(data.columns()[0]).containsExactly(0, 0, 1); // NA is a category, not missing
    assertThat(data.columns()[1]).containsExactly(0, 1, 0);
    assertThat(data.columns()[2]).containsExactly(1, 0, 0);
    assertThat(data.columns()[3]).containsExactly(1, 2, 3);
    assertThat(data.columns()[4]).containsExactly(1, 0, 1);
    DataSchema.Feature region = data.schema().features().get(0);
    assertThat(region.type()).isEqualTo(DataSchema.Type.CATEGORICAL);
    assertThat(region.categories()).containsExactly("NA", "north", "south");
    assertThat(data.schema().features().get(1).type()).isEqualTo(DataSchema.Type.NUMERIC);
  }

  @Test
  void theRecordedSchemaEncodesNewDataTheSameWayAndZeroesUnseenCategories() throws IOException {
    Dataset trained =
        loader.load(
            spec("train.csv", "region,price,weekday,y\nsouth,1,mon,1\nnorth,2,tue,2\n"),
            Task.REGRESSION);
    // The schema survives the metadata's JSON, as a model artifact stores it.
    DataSchema stored =
        Json.mapper()
            .readValue(Json.mapper().writeValueAsString(trained.schema()), DataSchema.class);
    assertThat(stored).isEqualTo(trained.schema());

    DataSpec later =
        spec("later.csv", "weekday,y,region,price\ntue,5,west,7\nmon,6,north,8\nsun,7,west,9\n");
    Dataset scored = loader.loadWithSchema(later, Task.REGRESSION, stored);
    assertThat(scored.features()).isEqualTo(trained.features());
    assertThat(scored.columns()[0]).as("region=north").containsExactly(0, 1, 0);
    assertThat(scored.columns()[1]).as("region=south").containsExactly(0, 0, 0);
    assertThat(scored.columns()[2]).as("price").containsExactly(7, 8, 9);
    assertThat(scored.columns()[3]).as("weekday=mon").containsExactly(0, 1, 0);
    assertThat(scored.report().unseen())
        .containsExactly(Map.entry("region", 2), Map.entry("weekday", 1));
    assertThat(scored.report().summary()).endsWith("unseen categories {region=2, weekday=1}");
  }

  @Test
  void loadingTwiceGivesTheSameSchemaAndInputs() throws IOException {
    DataSpec spec = spec("train.csv", "region,price,weekday,y\nb,1,x,1\na,2,y,2\nc,3,x,3\n");
    Dataset a = loader.load(spec, Task.REGRESSION);
    Dataset b = loader.load(spec, Task.REGRESSION);
    assertThat(b.schema()).isEqualTo(a.schema());
    assertThat(b.columns()).isDeepEqualTo(a.columns());
  }
}
