package dev.tollgate.adapters.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.artifacts.ArtifactStores;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * An s3:// artifact store as the worker opens it: core's ArtifactStores with this adapter's store.
 */
class S3ArtifactStoresTest {
  @Test
  void anS3UriIsABucketAndPrefix() {
    var settings = new S3Settings(URI.create("http://127.0.0.1:1"), "eu-west-1", true, 3);
    Path home = Path.of("/var/tollgate");
    try (var s3 = new S3Access(settings)) {
      var store =
          ArtifactStores.open(
              "s3://models-bucket/team/tollgate",
              home,
              root -> new S3ArtifactStore(s3.client(), root));
      assertThat(store).isInstanceOf(S3ArtifactStore.class);
      assertThat(store.uri("models/m/d")).isEqualTo("s3://models-bucket/team/tollgate/models/m/d");
      assertThat(
              ArtifactStores.open(
                      "s3://models-bucket", home, root -> new S3ArtifactStore(s3.client(), root))
                  .uri("x"))
          .isEqualTo("s3://models-bucket/x");
    }
  }
}
