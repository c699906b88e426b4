package dev.tollgate.activities.artifacts;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.FailureTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalArtifactStoreTest {
  private static final byte[] BYTES = "model bytes".getBytes(StandardCharsets.UTF_8);

  @TempDir Path root;

  @Test
  void putGetExistsAndTheUriRoundTrip() {
    var store = new LocalArtifactStore(root);
    assertThat(store.exists("models/m/d/model.bin")).isFalse();

    var written = store.put("models/m/d/model.bin", BYTES);

    assertThat(written.written()).isTrue();
    assertThat(written.sha256()).isEqualTo(Digests.sha256(BYTES));
    assertThat(written.uri()).isEqualTo(root.resolve("models/m/d/model.bin").toUri().toString());
    assertThat(store.get("models/m/d/model.bin")).isEqualTo(BYTES);
    assertThat(store.exists("models/m/d/model.bin")).isTrue();
    assertThat(store.key(written.uri())).isEqualTo("models/m/d/model.bin");
    assertThat(store.key(store.uri("models/m/d"))).isEqualTo("models/m/d"); // folder, with "/"
  }

  @Test
  void deleteRemovesTheObjectAndAMissingOneIsNoError() {
    var store = new LocalArtifactStore(root);
    store.put("ray-runs/j/input/config/hyperparameters.json", BYTES);

    store.delete("ray-runs/j/input/config/hyperparameters.json");
    store.delete("ray-runs/j/input/config/hyperparameters.json");

    assertThat(store.exists("ray-runs/j/input/config/hyperparameters.json")).isFalse();
  }

  @Test
  void theSameBytesTwiceLeaveTheFileUntouched() throws IOException {
    var store = new LocalArtifactStore(root);
    store.put("a/model.bin", BYTES);
    FileTime old = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
    Files.setLastModifiedTime(root.resolve("a/model.bin"), old);

    assertThat(store.put("a/model.bin", BYTES).written()).isFalse();
    Path source = Files.write(root.resolve("source.bin"), BYTES);
    assertThat(store.put("a/model.bin", source).written()).isFalse();
    assertThat(Files.getLastModifiedTime(root.resolve("a/model.bin"))).isEqualTo(old);
    try (var files = Files.list(root.resolve("a"))) {
      assertThat(files).hasSize(1); // no temporary file left behind
    }
  }

  @Test
  void aFileIsCopiedInAndDifferentBytesReplaceTheOld() throws IOException {
    var store = new LocalArtifactStore(root);
    store.put("a/x.json", BYTES);
    Path source = Files.writeString(root.resolve("new.json"), "new");
    assertThat(store.put("a/x.json", source).written()).isTrue();
    assertThat(store.get("a/x.json")).isEqualTo("new".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void keysThatLeaveTheRootAndForeignUrisAreRefused() {
    var store = new LocalArtifactStore(root.resolve("artifacts"));
    businessFailure(() -> store.put("../escape", BYTES), FailureTypes.INVALID_DATA);
    businessFailure(() -> store.put("/abs", BYTES), FailureTypes.INVALID_DATA);
    businessFailure(() -> store.get("a/./b"), FailureTypes.INVALID_DATA);
    var elsewhere =
        businessFailure(
            () -> store.key(root.resolve("other/x").toUri().toString()),
            FailureTypes.ARTIFACT_MISMATCH);
    assertThat(elsewhere.getOriginalMessage()).contains("is not in this worker's artifact store");
    businessFailure(() -> store.key("s3://bucket/models/x"), FailureTypes.ARTIFACT_MISMATCH);
    var missing = businessFailure(() -> store.get("none.bin"), FailureTypes.ARTIFACT_MISMATCH);
    assertThat(missing.getOriginalMessage()).endsWith("none.bin does not exist");
  }
}
