package dev.tollgate.activities.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.db.RegistryDatabase;
import dev.tollgate.stages.ModelRecord;
import dev.tollgate.stages.RegistryStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registries of earlier versions (one JSON file per model) are imported once, with every
 * version, stage and promotion; and a database that does not connect is named at start-up.
 */
class JsonRegistryImportTest {
  @TempDir Path home;

  /**
   * A registry file as the JSON registry wrote it: v1 promoted, then v2 replacing it, v3 candidate.
   */
  private void writeOldRegistry() {
    RegistryStore files = new RegistryStore(home.resolve("registry"));
    files.update(
        "energy",
        doc -> {
          RegistryDocument d = doc;
          for (int v = 1; v <= 3; v++) {
            d =
                d.withVersion(
                    new RegistryDocument.Entry(
                        v,
                        "run-" + v,
                        "file:/a/" + v + "/",
                        "digest-" + v,
                        Map.of("rmse", 10.0 + v),
                        "2026-11-0" + v + "T10:00:00Z",
                        RegistryDocument.Stage.CANDIDATE));
          }
          d =
              d.promoted(
                  1,
                  new RegistryDocument.Promotion(
                      1, "run-1", "alice", null, "2026-11-01T12:00:00Z"));
          d =
              d.promoted(
                  2, new RegistryDocument.Promotion(2, "run-2", "bob", 1, "2026-11-02T12:00:00Z"));
          return new RegistryStore.Change<>(d, null);
        });
  }

  @Test
  void everyVersionAndPromotionIsImportedOnceAndTheFileKept() {
    writeOldRegistry();
    try (RegistryDatabase db = RegistryDatabase.open(RegistryDatabase.h2Url(home), null, null)) {
      JdbcRegistry registry = new JdbcRegistry(db);
      assertThat(JsonRegistryImport.run(home.resolve("registry"), registry))
          .containsExactly("energy");
      assertThat(JsonRegistryImport.run(home.resolve("registry"), registry)).isEmpty();

      ModelRecord r = new RegistryActivitiesImpl(registry).describeModel("energy");
      assertThat(r.versions())
          .extracting(ModelRecord.Version::stage)
          .containsExactly(RegistryStage.ARCHIVED, RegistryStage.PRODUCTION, RegistryStage.NONE);
      assertThat(r.versions().get(2).metrics()).containsEntry("rmse", 13.0);
      assertThat(r.versions().get(0).registeredAt()).isEqualTo("2026-11-01T10:00:00Z");
      assertThat(r.audit())
          .extracting(t -> t.version() + " " + t.to() + " " + t.actor() + " " + t.at())
          .containsExactly(
              "1 PRODUCTION alice 2026-11-01T12:00:00Z",
              "1 ARCHIVED bob 2026-11-02T12:00:00Z",
              "2 PRODUCTION bob 2026-11-02T12:00:00Z");
      assertThat(registry.production("energy").orElseThrow().version()).isEqualTo(2);
      // The next version continues the numbering.
      assertThat(registry.register(RegistryContract.candidate("run-4")).version()).isEqualTo(4);
    }
    assertThat(home.resolve("registry/energy.json")).doesNotExist();
    assertThat(home.resolve("registry/energy.json.imported")).exists();
  }

  @Test
  void aRegistryThatDoesNotConnectIsNamedWithoutItsPassword() {
    assertThatThrownBy(
            () ->
                RegistryDatabase.open(
                    "jdbc:postgresql://127.0.0.1:1/tollgate?password=secret", "tollgate", ""))
        .isInstanceOf(RegistryDatabase.RegistryUnavailable.class)
        .hasMessageStartingWith(
            "the model registry at jdbc:postgresql://127.0.0.1:1/tollgate?password=*** cannot be used: ")
        .hasMessageNotContaining("secret");
  }

  @Test
  void noOldRegistryImportsNothing() throws Exception {
    Files.createDirectories(home.resolve("registry"));
    try (RegistryDatabase db = RegistryDatabase.open(RegistryDatabase.h2Url(home), null, null)) {
      assertThat(JsonRegistryImport.run(home.resolve("registry"), new JdbcRegistry(db)))
          .isEqualTo(List.of());
    }
  }
}
