package dev.tollgate.activities.data;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DataSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker's allow-list of dataset folders, through the loader a stage uses: {@code ..} and
 * symbolic links cannot leave a root, /proc and special files are refused whatever the roots, and a
 * refusal never says whether a file outside exists.
 */
class DataAccessTest {
  private static final String SECRET_LINE = "SECRET=do-not-print-this-value";

  @TempDir Path dir;
  private Path root;
  private Path home;
  private Path outside;
  private DatasetLoader loader;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectories(dir.resolve("data"));
    home = Files.createDirectories(root.resolve("worker-home"));
    outside = Files.writeString(dir.resolve("secret.csv"), SECRET_LINE + "\n1\n");
    Files.writeString(root.resolve("load.csv"), "x1,x2,y\n1,2,3\n4,5,6\n");
    loader = loader(List.of(root));
  }

  private DatasetLoader loader(List<Path> roots) {
    return new DatasetLoader(
        new DatasetFiles(
            null, new DataAccess(DataRoots.of(roots, List.of(home)), DataBuckets.of(List.of()))));
  }

  private static DataSpec spec(String uri) {
    return new DataSpec(uri, "y", List.of("x1", "x2"), 1, Duration.ofDays(1));
  }

  private String refusal(DatasetLoader with, String uri) {
    String message =
        businessFailure(() -> with.load(spec(uri)), FailureTypes.INVALID_DATA).getOriginalMessage();
    assertThat(message).doesNotContain("do-not-print-this-value");
    return message;
  }

  @Test
  void aFileUnderARootLoads() {
    assertThat(loader.load(spec(root.resolve("load.csv").toUri().toString())).rows()).isEqualTo(2);
  }

  @Test
  void dotDotCannotLeaveARoot() {
    String uri = "file:" + root + "/../secret.csv";
    assertThat(refusal(loader, uri))
        .contains("is outside the folders this worker reads datasets from", root.toString())
        .contains("tollgate.data-access.roots");
  }

  @Test
  void aSymbolicLinkCannotLeaveARoot() throws IOException {
    Path link = Files.createSymbolicLink(root.resolve("link.csv"), outside);
    Path folderLink = Files.createSymbolicLink(root.resolve("elsewhere"), dir);
    assertThat(refusal(loader, link.toUri().toString()))
        .contains("leads, through a symbolic link, outside")
        .doesNotContain(outside.toString());
    assertThat(refusal(loader, "file:" + folderLink + "/secret.csv"))
        .contains("through a symbolic link");
    // the checked file is also the real one for freshness: no modification time from outside
    assertThatThrownBy(() -> loader.checkFreshness(spec(link.toUri().toString()), Instant.now()))
        .hasMessageContaining("through a symbolic link");
  }

  @Test
  void aSymbolicLinkWithinTheRootsIsFollowed() throws IOException {
    Path link = Files.createSymbolicLink(root.resolve("latest.csv"), root.resolve("load.csv"));
    assertThat(loader.load(spec(link.toUri().toString())).rows()).isEqualTo(2);
  }

  @Test
  void procSysAndDevAreRefusedWhateverTheRoots() {
    DatasetLoader everywhere = loader(List.of(Path.of("/")));
    for (String uri :
        List.of(
            "file:/proc/self/environ",
            "file:" + root + "/../../../../../../../proc/self/environ",
            "file:/sys/kernel/notes",
            "file:/dev/zero")) {
      assertThat(refusal(everywhere, uri)).as(uri).contains("/proc, /sys or /dev");
      assertThat(refusal(new DatasetLoader(), uri))
          .as("unrestricted: " + uri)
          .contains("/proc, /sys or /dev");
    }
  }

  @Test
  void aLinkIntoProcIsRefusedToo() throws IOException {
    Path link = Files.createSymbolicLink(root.resolve("env.csv"), Path.of("/proc/self/environ"));
    assertThat(refusal(loader(List.of(Path.of("/"))), link.toUri().toString()))
        .contains("/proc, /sys or /dev");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFifoIsRefusedWithoutBlocking() throws Exception {
    Path fifo = root.resolve("pipe.csv");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    assertThat(refusal(loader, fifo.toUri().toString())).contains("is not a regular file");
  }

  @Test
  void aDirectoryIsRefused() throws IOException {
    Path folder = Files.createDirectories(root.resolve("exports"));
    assertThat(refusal(loader, folder.toUri().toString())).contains("is a directory");
  }

  @Test
  void hiddenFilesAndFoldersAndTheWorkersHomeAreNeverRead() throws IOException {
    Path env = Files.writeString(root.resolve(".env"), SECRET_LINE + "\n");
    Path git = Files.createDirectories(root.resolve(".git"));
    Path config = Files.writeString(git.resolve("config.csv"), "x1,x2,y\n1,2,3\n");
    Path events = Files.writeString(home.resolve("events.csv"), "x1,x2,y\n1,2,3\n");
    assertThat(refusal(loader, env.toUri().toString())).contains("hidden");
    assertThat(refusal(loader, config.toUri().toString())).contains("hidden");
    assertThat(refusal(loader, events.toUri().toString())).contains("worker's own folder");
  }

  @Test
  void aRefusalDoesNotSayWhetherAFileOutsideExists() {
    String there = refusal(loader, outside.toUri().toString());
    String notThere = refusal(loader, dir.resolve("nothing-here.csv").toUri().toString());
    assertThat(there).doesNotContain("does not exist").contains("is outside");
    assertThat(notThere).doesNotContain("does not exist").contains("is outside");
    // under a root, a missing file is named as missing
    assertThat(refusal(loader, root.resolve("nope.csv").toUri().toString()))
        .contains("does not exist");
  }

  @Test
  void aBucketOrFolderNotAllowedIsRefused() {
    DataBuckets buckets = DataBuckets.of(List.of("s3://ml-data/exports", "shared-bucket"));
    buckets.check("s3://ml-data/exports/2026/load.csv", at("ml-data", "exports/2026/load.csv"));
    buckets.check("s3://shared-bucket/any/key.csv", at("shared-bucket", "any/key.csv"));
    for (var refused :
        List.of(
            at("artifacts-bucket", "models/m/1/model.bin"),
            at("ml-data", "exports-old/load.csv"),
            at("ml-data", "private/load.csv"))) {
      var failure =
          businessFailure(
              () -> buckets.check(refused.toString(), refused), FailureTypes.INVALID_DATA);
      assertThat(failure.getOriginalMessage())
          .contains("is outside the S3 buckets this worker reads datasets from")
          .contains("ml-data/exports/, shared-bucket/");
    }
    var dots = at("ml-data", "exports/../private/load.csv");
    assertThat(
            businessFailure(() -> buckets.check(dots.toString(), dots), FailureTypes.INVALID_DATA)
                .getOriginalMessage())
        .contains("'..' segment");
    assertThatThrownBy(() -> DataBuckets.of(List.of("Not_A_Bucket")))
        .hasMessageContaining("tollgate.data-access.buckets");
  }

  @Test
  void anS3DatasetOutsideTheBucketsIsRefusedBeforeAnyRequest() {
    // the object source fails on its first call: nothing may be asked of it
    var noRequest =
        new dev.tollgate.activities.objects.ObjectSource() {
          @Override
          public boolean download(
              dev.tollgate.activities.objects.S3Location at,
              Path target,
              java.util.function.LongConsumer announced) {
            throw new AssertionError("download of " + at + " asked");
          }

          @Override
          public java.time.Instant lastModified(dev.tollgate.activities.objects.S3Location at) {
            throw new AssertionError("lastModified of " + at + " asked");
          }

          @Override
          public List<Listed> list(dev.tollgate.activities.objects.S3Location prefix) {
            throw new AssertionError("list of " + prefix + " asked");
          }
        };
    var files =
        new DatasetFiles(
            noRequest,
            new DataAccess(
                DataRoots.of(List.of(root), List.of()), DataBuckets.of(List.of("ml-data"))));
    var failure =
        businessFailure(
            () -> new DatasetLoader(files).load(spec("s3://other-bucket/load.csv")),
            FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage()).contains("outside the S3 buckets");
    assertThatThrownBy(() -> files.lastModified("s3://other-bucket/load.csv"))
        .hasMessageContaining("outside the S3 buckets");
  }

  private static dev.tollgate.activities.objects.S3Location at(String bucket, String key) {
    return new dev.tollgate.activities.objects.S3Location(bucket, key);
  }
}
