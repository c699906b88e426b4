package dev.tollgate.adapters.aws.s3;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.artifacts.Digests;
import dev.tollgate.activities.objects.S3Location;
import dev.tollgate.pipeline.FailureTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The S3 artifact store against moto, every request seen through the recording proxy. */
@ExtendWith(MotoServerExtension.class)
class S3ArtifactStoreTest {
  private static final byte[] REPORT = "{\"passed\": true}\n".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;
  private S3TestBucket s3;
  private ArtifactStore store;

  @BeforeEach
  void setUp(MotoServer moto) throws IOException {
    s3 = new S3TestBucket(moto);
    store = new S3ArtifactStore(s3.client(), S3Location.parse(s3.uri("tollgate")));
  }

  @AfterEach
  void tearDown() {
    s3.close();
  }

  @Test
  void putGetExistsRoundTripUnderThePrefix() {
    assertThat(store.exists("reports/m/v1/validation.json")).isFalse();

    ArtifactStore.Written written = store.put("reports/m/v1/validation.json", REPORT);

    assertThat(written.uri()).isEqualTo(s3.uri("tollgate/reports/m/v1/validation.json"));
    assertThat(written.sha256()).isEqualTo(Digests.sha256(REPORT));
    assertThat(written.written()).isTrue();
    assertThat(store.exists("reports/m/v1/validation.json")).isTrue();
    assertThat(store.get("reports/m/v1/validation.json")).isEqualTo(REPORT);
    assertThat(store.key(written.uri())).isEqualTo("reports/m/v1/validation.json");
    var head =
        s3.client()
            .headObject(b -> b.bucket(s3.bucket()).key("tollgate/reports/m/v1/validation.json"));
    assertThat(head.metadata()).containsEntry("sha256", Digests.sha256(REPORT));
  }

  @Test
  void deleteRemovesTheObjectAndAMissingOneIsNoError() {
    store.put("ray-runs/j/launch.json", REPORT);

    store.delete("ray-runs/j/launch.json");
    store.delete("ray-runs/j/launch.json");

    assertThat(store.exists("ray-runs/j/launch.json")).isFalse();
  }

  @Test
  void writingTheSameBytesTwiceSendsNoSecondPut() {
    store.put("models/m/abc/model.bin", REPORT);
    var before =
        s3.client().headObject(b -> b.bucket(s3.bucket()).key("tollgate/models/m/abc/model.bin"));
    s3.proxy().clear();

    ArtifactStore.Written again = store.put("models/m/abc/model.bin", REPORT);

    assertThat(again.written()).isFalse();
    assertThat(s3.proxy().requests())
        .singleElement()
        .asString()
        .startsWith("HEAD /" + s3.bucket() + "/tollgate/models/m/abc/model.bin");
    var after =
        s3.client().headObject(b -> b.bucket(s3.bucket()).key("tollgate/models/m/abc/model.bin"));
    assertThat(after.eTag()).isEqualTo(before.eTag());
    assertThat(after.lastModified()).isEqualTo(before.lastModified());
  }

  @Test
  void otherBytesUnderTheSameKeyReplaceTheObject() {
    store.put("reports/m/v1/validation.json", REPORT);
    byte[] other = "{\"passed\": false}\n".getBytes(StandardCharsets.UTF_8);
    assertThat(store.put("reports/m/v1/validation.json", other).written()).isTrue();
    assertThat(store.get("reports/m/v1/validation.json")).isEqualTo(other);
  }

  @Test
  void aFileAbove16MegabytesGoesUpInPartsAndComesBackWhole() throws IOException {
    byte[] bytes = new byte[20 * 1024 * 1024 + 123];
    new Random(7).nextBytes(bytes);
    Path file = Files.write(dir.resolve("big.bin"), bytes);

    ArtifactStore.Written written = store.put("models/m/big/model.bin", file);

    String key = "/" + s3.bucket() + "/tollgate/models/m/big/model.bin";
    assertThat(s3.proxy().requests())
        .anyMatch(r -> r.startsWith("POST " + key + "?uploads") && r.endsWith("200"))
        .anyMatch(r -> r.startsWith("PUT " + key) && r.contains("partNumber=1"))
        .anyMatch(r -> r.startsWith("PUT " + key) && r.contains("partNumber=2"))
        .noneMatch(r -> r.contains("partNumber=3"))
        .anyMatch(r -> r.startsWith("POST " + key + "?uploadId=") && r.endsWith("200"));
    assertThat(written.sha256()).isEqualTo(Digests.sha256(bytes));
    assertThat(Digests.sha256(store.get("models/m/big/model.bin"))).isEqualTo(written.sha256());

    s3.proxy().clear();
    assertThat(store.put("models/m/big/model.bin", file).written())
        .isFalse(); // digest metadata kept
    assertThat(s3.proxy().requests()).singleElement().asString().startsWith("HEAD ");
  }

  @Test
  void aTransient503OnTheUploadIsRetriedByTheSdk() {
    s3.proxy().failNext("PUT", 1);

    ArtifactStore.Written written = store.put("reports/m/v2/validation.json", REPORT);

    String put = "PUT /" + s3.bucket() + "/tollgate/reports/m/v2/validation.json";
    assertThat(s3.proxy().requests())
        .filteredOn(r -> r.startsWith(put))
        .extracting(r -> r.substring(r.lastIndexOf(' ') + 1))
        .containsExactly("503", "200");
    assertThat(store.get("reports/m/v2/validation.json")).isEqualTo(REPORT);
    assertThat(written.written()).isTrue();
  }

  @Test
  void twoTransient503sOnAReadAreRetriedWithBackoff() {
    store.put("reports/m/v3/validation.json", REPORT);
    s3.proxy().clear();
    s3.proxy().failNext("GET", 2);

    assertThat(store.get("reports/m/v3/validation.json")).isEqualTo(REPORT);
    assertThat(s3.proxy().requests())
        .extracting(r -> r.substring(r.lastIndexOf(' ') + 1))
        .containsExactly("503", "503", "200");
  }

  @Test
  void aMissingArtifactOrAForeignUriIsAnArtifactMismatch() {
    var missing =
        businessFailure(() -> store.get("models/m/none/model.bin"), FailureTypes.ARTIFACT_MISMATCH);
    assertThat(missing.getOriginalMessage())
        .isEqualTo("artifact " + s3.uri("tollgate/models/m/none/model.bin") + " does not exist");
    var foreign =
        businessFailure(
            () -> store.key("file:/var/tollgate/artifacts/models/m/x"),
            FailureTypes.ARTIFACT_MISMATCH);
    assertThat(foreign.getOriginalMessage())
        .contains("is not in this worker's artifact store " + s3.uri("tollgate/"));
  }
}
