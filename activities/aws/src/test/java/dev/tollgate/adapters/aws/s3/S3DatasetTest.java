package dev.tollgate.adapters.aws.s3;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.tollgate.activities.TestData;
import dev.tollgate.activities.artifacts.Digests;
import dev.tollgate.activities.data.DataAccess;
import dev.tollgate.activities.data.DatasetFiles;
import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DataSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** Datasets named {@code s3://bucket/key}, read from moto. */
@ExtendWith(MotoServerExtension.class)
class S3DatasetTest {
  @TempDir Path dir;
  private S3TestBucket s3;
  private DatasetLoader loader;

  @BeforeEach
  void setUp(MotoServer moto) throws IOException {
    s3 = new S3TestBucket(moto);
    loader =
        new DatasetLoader(
            new DatasetFiles(new S3ObjectSource(s3.access()), DataAccess.unrestricted()));
  }

  @AfterEach
  void tearDown() {
    s3.close();
  }

  private DataSpec spec(String uri, Duration maxAge) {
    return new DataSpec(uri, "y", List.of("x1", "x2"), 10, maxAge);
  }

  @Test
  void anS3DatasetLoadsLikeTheSameFileOnDiskWithTheSameDigest() throws IOException {
    Path csv = TestData.linearCsv(dir.resolve("load.csv"), 200, 3, 0);
    s3.client()
        .putObject(b -> b.bucket(s3.bucket()).key("data/2026/load.csv"), RequestBody.fromFile(csv));

    var fromS3 = loader.load(spec(s3.uri("data/2026/load.csv"), null));
    var fromDisk = new DatasetLoader().load(spec(csv.toUri().toString(), null));

    assertThat(fromS3.sha256()).isEqualTo(Digests.sha256(csv)).isEqualTo(fromDisk.sha256());
    assertThat(fromS3.source()).isEqualTo("load.csv");
    assertThat(fromS3.rows()).isEqualTo(200);
    assertThat(fromS3.y()).containsExactly(fromDisk.y());
  }

  @Test
  void theDownloadedCopyKeepsItsNameAndIsRemovedOnClose() throws IOException {
    Path csv = TestData.linearCsv(dir.resolve("load.csv.gz"), 20, 3, 0);
    s3.client()
        .putObject(b -> b.bucket(s3.bucket()).key("a/load.csv.gz"), RequestBody.fromFile(csv));

    Path copy;
    try (DatasetFiles.Local local =
        new DatasetFiles(new S3ObjectSource(s3.access()), DataAccess.unrestricted())
            .open(s3.uri("a/load.csv.gz"))) {
      copy = local.path();
      assertThat(copy.getFileName().toString()).isEqualTo("load.csv.gz");
      assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(csv));
    }
    assertThat(copy).doesNotExist();
    assertThat(copy.getParent()).doesNotExist();
  }

  @Test
  void anObjectOverDataMaxBytesIsRefusedAndNoCopyIsLeft() throws IOException {
    Path csv = TestData.linearCsv(dir.resolve("big.csv"), 200, 3, 0);
    s3.client()
        .putObject(b -> b.bucket(s3.bucket()).key("data/big.csv"), RequestBody.fromFile(csv));
    String uri = s3.uri("data/big.csv");
    DataSpec small =
        new DataSpec(uri, "y", List.of("x1", "x2"), 10, null, List.of(), null, null, null, 1000L);

    var failure = businessFailure(() -> loader.load(small), FailureTypes.INVALID_DATA);

    assertThat(failure.getOriginalMessage())
        .startsWith(
            "dataset " + uri + " is " + Files.size(csv) + " bytes, over data.max_bytes (1000");
    try (var temp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(temp.filter(p -> p.getFileName().toString().startsWith("tollgate-dataset-")))
          .as("no downloaded copy left behind")
          .allSatisfy(p -> assertThat(p.resolve("big.csv")).doesNotExist());
    }
  }

  @Test
  void aMissingObjectIsInvalidDataNamingTheUri() {
    String uri = s3.uri("data/none.csv");
    var failure = businessFailure(() -> loader.load(spec(uri, null)), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .isEqualTo("dataset " + uri + " does not exist (no such S3 object)");
  }

  @Test
  void aMissingBucketIsInvalidDataToo() {
    String uri = "s3://no-such-bucket-here/load.csv";
    var failure = businessFailure(() -> loader.load(spec(uri, null)), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage()).contains(uri);
  }

  @Test
  void maxAgeIsJudgedOnTheObjectsLastModified() throws IOException {
    Path csv = TestData.linearCsv(dir.resolve("load.csv"), 20, 3, 0);
    s3.client().putObject(b -> b.bucket(s3.bucket()).key("load.csv"), RequestBody.fromFile(csv));
    DataSpec spec = spec(s3.uri("load.csv"), Duration.ofHours(1));

    assertThatNoException().isThrownBy(() -> loader.checkFreshness(spec, Instant.now()));
    var failure =
        businessFailure(
            () -> loader.checkFreshness(spec, Instant.now().plus(Duration.ofHours(3))),
            FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage()).startsWith("load.csv was last modified at ");
  }

  /** Core's Parquet fixtures, which reach this module inside its test jar. */
  private static final List<String> FIXTURES =
      List.of(
          "numbers.parquet",
          "parts/part-00000.parquet",
          "parts/part-00001.parquet",
          "parts/_SUCCESS",
          "parts/sub/part-00000.parquet");

  /**
   * A fixture (a file, or the {@code parts} folder) copied out of the classpath into this test's
   * folder: in a reactor build core's test classes are a jar, not files a path can name.
   */
  private Path fixture(String name) throws IOException {
    Path root = dir.resolve("parquet-fixtures");
    if (!Files.isDirectory(root)) {
      for (String fixture : FIXTURES) {
        Path copy = root.resolve(fixture);
        Files.createDirectories(copy.getParent());
        try (var in = S3DatasetTest.class.getResourceAsStream("/parquet/" + fixture)) {
          if (in == null) throw new IllegalStateException("no test resource /parquet/" + fixture);
          Files.copy(in, copy);
        }
      }
    }
    return root.resolve(name);
  }

  private void put(String key, Path file) {
    s3.client().putObject(b -> b.bucket(s3.bucket()).key(key), RequestBody.fromFile(file));
  }

  @Test
  void aParquetObjectLoadsLikeTheSameFileOnDiskWithTheSameDigest() throws IOException {
    put("exports/numbers.parquet", fixture("numbers.parquet"));

    var fromS3 = loader.load(spec(s3.uri("exports/numbers.parquet"), null));
    var fromDisk =
        new DatasetLoader().load(spec(fixture("numbers.parquet").toUri().toString(), null));

    assertThat(fromS3.sha256())
        .isEqualTo(Digests.sha256(fixture("numbers.parquet")))
        .isEqualTo(fromDisk.sha256());
    assertThat(fromS3.source()).isEqualTo("numbers.parquet");
    assertThat(fromS3.rows()).isEqualTo(40);
    assertThat(fromS3.y()).containsExactly(fromDisk.y());
  }

  @Test
  void aPrefixOfPartFilesLoadsLikeTheLocalFolderThroughEveryListingPage() throws IOException {
    put("exports/2026/part-00000.parquet", fixture("parts/part-00000.parquet"));
    put("exports/2026/part-00001.parquet", fixture("parts/part-00001.parquet"));
    put("exports/2026/_SUCCESS", fixture("parts/_SUCCESS"));
    put("exports/2026/sub/part-00000.parquet", fixture("parts/sub/part-00000.parquet"));
    // more keys than one ListObjectsV2 page (1,000) holds, none of them a part
    for (int n = 0; n < 1_005; n++) {
      String i = Integer.toString(n);
      s3.client()
          .putObject(
              b -> b.bucket(s3.bucket()).key("exports/2026/_logs/" + i),
              RequestBody.fromString(""));
    }

    var fromS3 = loader.load(spec(s3.uri("exports/2026/"), null));
    var local = new DatasetLoader().load(spec(fixture("parts").toUri().toString(), null));

    assertThat(fromS3.rows()).isEqualTo(50);
    assertThat(fromS3.source()).isEqualTo("2026/");
    assertThat(fromS3.sha256()).isEqualTo(local.sha256());
    assertThat(fromS3.y()).containsExactly(local.y());
    assertThat(loader.lastModified(s3.uri("exports/2026/"))).isNotNull();
  }

  @Test
  void aPrefixOverDataMaxBytesIsRefusedBeforeAnyPartIsDownloaded() throws IOException {
    put("big/part-00000.parquet", fixture("parts/part-00000.parquet"));
    put("big/part-00001.parquet", fixture("parts/part-00001.parquet"));
    long both =
        Files.size(fixture("parts/part-00000.parquet"))
            + Files.size(fixture("parts/part-00001.parquet"));
    String uri = s3.uri("big/");
    DataSpec small =
        new DataSpec(
            uri, "y", List.of("x1", "x2"), 10, null, List.of(), null, null, null, both - 1);
    s3.proxy().clear();

    var failure = businessFailure(() -> loader.load(small), FailureTypes.INVALID_DATA);

    assertThat(failure.getOriginalMessage())
        .startsWith(
            "dataset " + uri + " is " + both + " bytes in 2 part files, over data.max_bytes");
    assertThat(s3.proxy().requests()).noneMatch(r -> r.startsWith("GET") && r.contains("part-"));
  }

  @Test
  void aPrefixWithoutPartsIsRefused() throws IOException {
    put("empty/_SUCCESS", fixture("parts/_SUCCESS"));
    String uri = s3.uri("empty/");
    var failure = businessFailure(() -> loader.load(spec(uri, null)), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .startsWith("dataset " + uri + " is an S3 prefix with no Parquet part files");
  }
}
