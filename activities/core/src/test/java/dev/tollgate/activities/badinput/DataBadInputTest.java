package dev.tollgate.activities.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tollgate.activities.StageHarness;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.MissingPolicy;
import dev.tollgate.spec.Task;
import dev.tollgate.spec.TrainingSpec;
import dev.tollgate.stages.TrainRequest;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad data, each case through the real train activity: refused as INVALID_DATA (not retried) with a
 * message naming the file and what is wrong where (row, column, value), and nothing written: the
 * home folder's files and the registry are the same before and after. The table of these cases is
 * in docs/reliability.md.
 */
class DataBadInputTest {
  private Path home;
  private Path data;
  private StageHarness stages;

  @BeforeEach
  void setUp(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    home = Files.createDirectories(dir.resolve("home"));
    data = Files.createDirectories(dir.resolve("data"));
    stages = new StageHarness(home);
    stages.registry().listModels(); // the registry exists before the first snapshot
  }

  @AfterEach
  void tearDown() {
    stages.close();
  }

  /** How a case writes its file and the spec that reads it. */
  record Case(
      String name,
      Function<Path, Path> write,
      Task task,
      Function<DataSpec, DataSpec> tweak,
      List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Path text(Path dir, String file, String csv) {
    try {
      return Files.writeString(dir.resolve(file), csv);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String rows(int n, Function<Integer, String> row) {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < n; i++) csv.append(row.apply(i)).append('\n');
    return csv.toString();
  }

  private static final String GOOD =
      "x1,x2,y\n" + rows(200, i -> i + "," + (i % 7) + "," + (2 * i));

  static Stream<Arguments> cases() {
    Function<DataSpec, DataSpec> same = d -> d;
    return Stream.of(
            new Case(
                "missing file",
                dir -> dir.resolve("nope.csv"),
                Task.REGRESSION,
                same,
                List.of("nope.csv", "does not exist")),
            new Case(
                "a directory",
                dir -> createDir(dir.resolve("folder.csv")),
                Task.REGRESSION,
                same,
                List.of("folder.csv", "directory")),
            new Case(
                "empty file",
                dir -> text(dir, "empty.csv", ""),
                Task.REGRESSION,
                same,
                List.of("empty.csv", "empty")),
            new Case(
                "header only",
                dir -> text(dir, "header.csv", "x1,x2,y\n"),
                Task.REGRESSION,
                same,
                List.of("header.csv", "no data rows")),
            new Case(
                "short row",
                dir -> text(dir, "short.csv", GOOD + "5,6\n"),
                Task.REGRESSION,
                same,
                List.of("short.csv", "row 202")),
            new Case(
                "long row",
                dir -> text(dir, "long.csv", GOOD + "5,6,7,8\n"),
                Task.REGRESSION,
                same,
                List.of("long.csv", "row 202")),
            new Case(
                "duplicated header",
                dir -> text(dir, "dup.csv", GOOD.replaceFirst("x1,x2,y", "x1,x1,y")),
                Task.REGRESSION,
                same,
                List.of("dup.csv", "x1")),
            new Case(
                "string in a numeric column",
                dir -> text(dir, "text.csv", GOOD.replaceFirst("\n3,3,6\n", "\n3,abc,6\n")),
                Task.REGRESSION,
                same,
                List.of("text.csv", "row 5", "x2", "abc")),
            new Case(
                "infinity",
                dir -> text(dir, "inf.csv", GOOD.replaceFirst("\n3,3,6\n", "\n3,Infinity,6\n")),
                Task.REGRESSION,
                same,
                List.of("inf.csv", "x2")),
            new Case(
                "missing value with missing: fail",
                dir -> text(dir, "hole.csv", GOOD.replaceFirst("\n3,3,6\n", "\n3,,6\n")),
                Task.REGRESSION,
                same,
                List.of("hole.csv", "row 5", "x2")),
            new Case(
                "an all-missing feature, imputed",
                dir -> text(dir, "blank.csv", "x1,x2,y\n" + rows(200, i -> i + ",," + (2 * i))),
                Task.REGRESSION,
                d -> withMissing(d, MissingPolicy.IMPUTE),
                List.of("blank.csv", "x2")),
            new Case(
                "a target column missing",
                dir -> text(dir, "notarget.csv", GOOD.replace(",y\n", ",z\n")),
                Task.REGRESSION,
                same,
                List.of("notarget.csv", "y")),
            new Case(
                "a constant target",
                dir ->
                    text(
                        dir,
                        "constant.csv",
                        "x1,x2,y\n" + rows(200, i -> i + "," + (i % 7) + ",5")),
                Task.REGRESSION,
                same,
                List.of("constant.csv", "column y", "the target is 5", "in every training row")),
            new Case(
                "one class",
                dir ->
                    text(
                        dir,
                        "oneclass.csv",
                        "x1,x2,y\n" + rows(200, i -> i + "," + (i % 7) + ",yes")),
                Task.CLASSIFICATION,
                same,
                List.of("oneclass.csv", "y", "yes")),
            new Case(
                "thousands of classes",
                dir ->
                    text(
                        dir,
                        "classes.csv",
                        "x1,x2,y\n" + rows(3000, i -> i + "," + (i % 7) + "," + i)),
                Task.CLASSIFICATION,
                same,
                List.of("classes.csv", "max_classes")),
            new Case(
                "non-UTF-8 bytes",
                dir ->
                    bytes(
                        dir.resolve("latin1.csv"),
                        GOOD.replaceFirst("\n3,3,6\n", "\n3,3,6\u00e9\n")),
                Task.REGRESSION,
                same,
                List.of("latin1.csv", "row 5", "not utf-8")),
            new Case(
                "truncated gzip",
                dir -> truncatedGzip(dir.resolve("cut.csv.gz")),
                Task.REGRESSION,
                same,
                List.of("cut.csv.gz", "gzip")),
            new Case(
                "fewer rows than min_rows",
                dir ->
                    text(
                        dir,
                        "few.csv",
                        "x1,x2,y\n" + rows(20, i -> i + "," + (i % 7) + "," + (2 * i))),
                Task.REGRESSION,
                same,
                List.of("few.csv", "min_rows")),
            new Case(
                "2 GB over data.max_bytes",
                dir -> sparse(dir.resolve("huge.csv"), 2_000_000_000L),
                Task.REGRESSION,
                d -> withMaxBytes(d, 1_000_000_000L),
                List.of("huge.csv", "2000000000 bytes", "data.max_bytes")))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedNamingWhatAndWhereAndWritesNothing(Case c) throws IOException {
    Path file = c.write().apply(data);
    DataSpec spec =
        c.tweak().apply(new DataSpec(file.toUri().toString(), "y", List.of("x1", "x2"), 100, null));
    TrainingSpec training =
        new TrainingSpec(
            c.task() == Task.CLASSIFICATION ? "logistic" : "linear", Map.of(), 42, 0.2);
    Map<String, Long> before = files(home);
    var registryBefore = stages.registry().listModels();

    Throwable thrown =
        catchThrowable(
            () ->
                stages.train().train(new TrainRequest("bad-data", "r1", c.task(), spec, training)));

    assertThat(thrown).as(c.name()).isInstanceOf(ActivityFailure.class);
    ApplicationFailure failure = (ApplicationFailure) thrown.getCause();
    assertThat(failure.getType())
        .as(failure.getOriginalMessage())
        .isEqualTo(FailureTypes.INVALID_DATA);
    assertThat(failure.isNonRetryable()).isTrue();
    for (String fragment : c.expected()) {
      assertThat(failure.getOriginalMessage().toLowerCase(Locale.ROOT))
          .as(c.name())
          .contains(fragment.toLowerCase(Locale.ROOT));
    }
    assertThat(files(home)).as("nothing written under the home folder").isEqualTo(before);
    assertThat(stages.registry().listModels()).as("nothing registered").isEqualTo(registryBefore);
  }

  private static DataSpec withMissing(DataSpec d, MissingPolicy policy) {
    return new DataSpec(
        d.train(),
        d.target(),
        d.features(),
        d.minRows(),
        d.maxAge(),
        d.categorical(),
        d.timestamp(),
        policy,
        d.maxClasses(),
        d.maxBytes());
  }

  private static DataSpec withMaxBytes(DataSpec d, long max) {
    return new DataSpec(
        d.train(),
        d.target(),
        d.features(),
        d.minRows(),
        d.maxAge(),
        d.categorical(),
        d.timestamp(),
        d.missing(),
        d.maxClasses(),
        max);
  }

  private static Path createDir(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path bytes(Path file, String latin1) {
    try {
      return Files.write(file, latin1.getBytes(StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path truncatedGzip(Path file) {
    try {
      var buffer = new java.io.ByteArrayOutputStream();
      try (var gz = new java.util.zip.GZIPOutputStream(buffer)) {
        gz.write(GOOD.repeat(20).getBytes(StandardCharsets.UTF_8));
      }
      byte[] all = buffer.toByteArray();
      return Files.write(file, java.util.Arrays.copyOf(all, all.length / 2));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A file of {@code size} bytes that takes no disk: its length is set, nothing written. */
  private static Path sparse(Path file, long size) {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
      return file;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every file under {@code dir} and its size. */
  private static Map<String, Long> files(Path dir) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String name = dir.relativize(p).toString();
        // H2's own file grows and shrinks as it writes its log: the registry is compared by content
        if (name.endsWith(".mv.db") || name.endsWith(".trace.db")) continue;
        out.put(name, Files.size(p));
      }
    }
    return out;
  }
}
