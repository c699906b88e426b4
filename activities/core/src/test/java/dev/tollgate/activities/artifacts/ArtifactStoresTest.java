package dev.tollgate.activities.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.s3.S3Access;
import dev.tollgate.activities.s3.S3Location;
import dev.tollgate.activities.s3.S3Settings;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArtifactStoresTest {
  private final Path home = Path.of("/var/tollgate");

  @Test
  void blankIsTheHomeFolderAndFileUrisAreFolders() {
    try (var s3 = new S3Access(S3Settings.defaults())) {
      assertThat(ArtifactStores.open("", home, s3).root())
          .isEqualTo("file:///var/tollgate/artifacts/");
      assertThat(ArtifactStores.open("file:/srv/a", home, s3).root()).isEqualTo("file:///srv/a/");
      assertThat(ArtifactStores.open("file:///srv/a", home, s3).root()).isEqualTo("file:///srv/a/");
      assertThat(ArtifactStores.open("file:.tollgate/artifacts", home, s3).root())
          .isEqualTo(Path.of(".tollgate/artifacts").toAbsolutePath().toUri() + "/");
    }
  }

  @Test
  void anS3UriIsABucketAndPrefix() {
    var settings = new S3Settings(URI.create("http://127.0.0.1:1"), "eu-west-1", true, 3);
    try (var s3 = new S3Access(settings)) {
      var store = ArtifactStores.open("s3://models-bucket/team/tollgate", home, s3);
      assertThat(store).isInstanceOf(S3ArtifactStore.class);
      assertThat(store.uri("models/m/d")).isEqualTo("s3://models-bucket/team/tollgate/models/m/d");
      assertThat(ArtifactStores.open("s3://models-bucket", home, s3).uri("x"))
          .isEqualTo("s3://models-bucket/x");
    }
  }

  @Test
  void otherSchemesAndBadBucketsAreRefused() {
    try (var s3 = new S3Access(S3Settings.defaults())) {
      assertThatThrownBy(() -> ArtifactStores.open("gs://bucket/x", home, s3))
          .hasMessageContaining("neither file:PATH nor s3://bucket/prefix");
      assertThatThrownBy(() -> S3Location.parse("s3://Bad_Bucket/x"))
          .hasMessageStartingWith("s3://Bad_Bucket/x: 'Bad_Bucket' is not an S3 bucket name");
    }
  }
}
