package dev.tollgate.activities.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.db.RegistryDatabase;
import dev.tollgate.stages.ModelRecord;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.RegisterRequest;
import dev.tollgate.stages.RegistryStage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A home's H2 registry read with no worker (issue 22, item 13: after {@code tollgate demo} the
 * registry could not be looked at without starting one): what the worker wrote, and not one byte
 * changed, nothing migrated or created; a registry another process holds is refused as in use.
 */
class ReadOnlyRegistryTest {
  @TempDir Path home;

  @Test
  void readsWhatTheWorkerWroteWithoutChangingAByte() throws Exception {
    writeOneProductionVersion();
    Map<String, String> before = snapshot(home.resolve("registry"));

    try (ReadOnlyRegistry registry = ReadOnlyRegistry.open(home, null, null)) {
      List<ModelRecord> models = registry.list();
      assertThat(models).extracting(ModelRecord::model).containsExactly("energy-load");
      assertThat(models.getFirst().versions())
          .singleElement()
          .satisfies(v -> assertThat(v.stage()).isEqualTo(RegistryStage.PRODUCTION));
      ModelRecord shown = registry.show("energy-load");
      assertThat(shown.audit()).extracting(ModelRecord.Transition::actor).contains("alice");
      assertThat(shown.aliases()).containsEntry("champion", 1);
    }

    assertThat(snapshot(home.resolve("registry"))).isEqualTo(before);
  }

  @Test
  void anUnknownModelIsNamedWithTheOnesThereAre() {
    writeOneProductionVersion();
    try (ReadOnlyRegistry registry = ReadOnlyRegistry.open(home, null, null)) {
      assertThatThrownBy(() -> registry.show("nope"))
          .isInstanceOfSatisfying(
              ReadOnlyRegistry.Refused.class,
              e -> assertThat(e.refusal()).isEqualTo(ReadOnlyRegistry.Refusal.NO_SUCH_MODEL))
          .hasMessage("no model nope in the registry (models: [energy-load])");
    }
  }

  @Test
  void aHomeWithoutARegistryGetsNone() {
    assertThatThrownBy(() -> ReadOnlyRegistry.open(home, null, null))
        .isInstanceOfSatisfying(
            ReadOnlyRegistry.Refused.class,
            e -> assertThat(e.refusal()).isEqualTo(ReadOnlyRegistry.Refusal.ABSENT));
    assertThat(home.resolve("registry")).doesNotExist();
  }

  @Test
  void anOlderSchemaIsRefusedAndNotMigrated() throws Exception {
    Flyway.configure()
        .dataSource(RegistryDatabase.h2Url(home), "", "")
        .locations("classpath:db/registry")
        .table("registry_schema_history")
        .target("1")
        .load()
        .migrate();
    Map<String, String> before = snapshot(home.resolve("registry"));

    assertThatThrownBy(() -> ReadOnlyRegistry.open(home, null, null))
        .isInstanceOfSatisfying(
            ReadOnlyRegistry.Refused.class,
            e -> assertThat(e.refusal()).isEqualTo(ReadOnlyRegistry.Refusal.OUTDATED));
    assertThat(snapshot(home.resolve("registry"))).isEqualTo(before);
  }

  @Test
  void aRegistryAWorkerHoldsIsRefusedAsInUse() throws Exception {
    writeOneProductionVersion();
    Process holder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                HoldRegistryMain.class.getName(),
                home.toString())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream()));
      String line;
      do {
        line = output.readLine(); // past the log lines of its start
      } while (line != null && !line.equals("holding"));
      assertThat(line).as("the other process holds the registry").isEqualTo("holding");

      assertThatThrownBy(() -> ReadOnlyRegistry.open(home, null, null))
          .isInstanceOfSatisfying(
              ReadOnlyRegistry.Refused.class,
              e -> {
                assertThat(e.refusal()).isEqualTo(ReadOnlyRegistry.Refusal.IN_USE);
                assertThat(e.folder()).isEqualTo(home.toAbsolutePath().resolve("registry"));
              });
    } finally {
      holder.getOutputStream().close(); // its cue to let go
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    try (ReadOnlyRegistry registry = ReadOnlyRegistry.open(home, null, null)) {
      assertThat(registry.list()).hasSize(1);
    }
  }

  private void writeOneProductionVersion() {
    try (RegistryDatabase db = RegistryDatabase.openH2(home, null, null)) {
      JdbcRegistry registry = new JdbcRegistry(db);
      ModelVersion v =
          registry.register(
              new RegisterRequest(
                  "energy-load", "r1", "file:/m", "abc123", Map.of("rmse", 25.8, "r2", 0.95)));
      registry.move(
          new JdbcRegistry.Move(
              "energy-load",
              v.version(),
              RegistryStage.PRODUCTION,
              RegistryActivitiesImpl.CHAMPION,
              "r1",
              "alice",
              "approved",
              "replaced by v1"));
    }
  }

  /** Every file of the folder: its SHA-256 and modification time. */
  private static Map<String, String> snapshot(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        files.put(
            folder.relativize(f).toString(),
            sha256(Files.readAllBytes(f)) + " " + Files.getLastModifiedTime(f).toInstant());
      }
    }
    return files;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Another process holding the registry as a worker does, until its stdin closes. */
  public static final class HoldRegistryMain {
    public static void main(String[] args) throws IOException {
      try (RegistryDatabase db = RegistryDatabase.openH2(Path.of(args[0]), null, null)) {
        System.out.println("holding");
        System.out.flush();
        while (System.in.read() >= 0) {
          // wait for the test to close our stdin
        }
      }
    }
  }
}
