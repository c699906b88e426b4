package dev.tollgate.activities.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.objects.S3Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ArtifactStoresTest {
  private final Path home = Path.of("/var/tollgate");

  /** Stands in for the AWS adapter's S3 store: only asked for s3:// URIs. */
  private final List<S3Location> asked = new ArrayList<>();

  private final Function<S3Location, ArtifactStore> objectStores =
      root -> {
        asked.add(root);
        return new LocalArtifactStore(Path.of("/tmp/unused"));
      };

  @Test
  void blankIsTheHomeFolderAndFileUrisAreFolders() {
    assertThat(ArtifactStores.open("", home, objectStores).root())
        .isEqualTo("file:///var/tollgate/artifacts/");
    assertThat(ArtifactStores.open("file:/srv/a", home, objectStores).root())
        .isEqualTo("file:///srv/a/");
    assertThat(ArtifactStores.open("file:///srv/a", home, objectStores).root())
        .isEqualTo("file:///srv/a/");
    assertThat(ArtifactStores.open("file:.tollgate/artifacts", home, objectStores).root())
        .isEqualTo(Path.of(".tollgate/artifacts").toAbsolutePath().toUri() + "/");
    assertThat(asked).isEmpty();
  }

  @Test
  void anS3UriIsABucketAndPrefixOfTheObjectStore() {
    ArtifactStores.open("s3://models-bucket/team/tollgate", home, objectStores);
    ArtifactStores.open("s3://models-bucket", home, objectStores);
    assertThat(asked)
        .containsExactly(
            new S3Location("models-bucket", "team/tollgate"), new S3Location("models-bucket", ""));
  }

  @Test
  void otherSchemesAndBadBucketsAreRefused() {
    assertThatThrownBy(() -> ArtifactStores.open("gs://bucket/x", home, objectStores))
        .hasMessageContaining("neither file:PATH nor s3://bucket/prefix");
    assertThatThrownBy(() -> ArtifactStores.open("s3://Bad_Bucket/x", home, objectStores))
        .hasMessageStartingWith("s3://Bad_Bucket/x: 'Bad_Bucket' is not an S3 bucket name");
    assertThat(asked).isEmpty();
  }
}
