package dev.tollgate.activities.train.ray;

import dev.tollgate.activities.artifacts.Digests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The job's working directory as Ray takes it ({@code runtime_env.working_dir: gcs://<name>}): the
 * spec's {@code workdir} and the launcher, flat at the root of one zip named by its content ({@code
 * _ray_pkg_<sha256[:32]>.zip}). Entries are sorted and stamped with one fixed time, so the same
 * code makes the same bytes and the cluster keeps one copy of it. A venv, git's files and caches
 * are left out (they are the worker's, not the job's); a symbolic link is refused when it leads
 * outside the workdir (it would ship a file of the worker's), and the zip is capped.
 */
public final class RayPackage {
  /** The launcher's name in the job's working directory (and its resource name). */
  public static final String LAUNCHER = "tollgate_ray_launcher.py";

  private static final Set<String> SKIPPED =
      Set.of(".git", ".venv", "venv", "__pycache__", ".ipynb_checkpoints", "node_modules");
  private static final long FIXED_TIME = 315_532_800_000L + 86_400_000L; // 1980-01-02, zip's era

  /** A workdir that cannot be shipped, with a message ready for the run's failure. */
  public static final class Unfit extends Exception {
    Unfit(String message) {
      super(message);
    }
  }

  public record Built(String name, byte[] zip) {}

  private RayPackage() {}

  /** The launcher's source, from this jar. */
  public static byte[] launcher() {
    try (InputStream in = RayPackage.class.getResourceAsStream(LAUNCHER)) {
      if (in == null) throw new IllegalStateException(LAUNCHER + " is missing from the jar");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param workdir the spec's workdir, already re-checked (real path, inside the spec's folder)
   */
  public static Built build(Path workdir, long maxBytes) throws IOException, Unfit {
    List<Path> files = files(workdir);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Path file : files) {
        String name = workdir.relativize(file).toString().replace('\\', '/');
        if (name.equals(LAUNCHER)) continue; // ours wins: the contract's launcher, not a copy
        add(zip, name, Files.readAllBytes(file));
        if (bytes.size() > maxBytes) throw tooBig(workdir, maxBytes);
      }
      add(zip, LAUNCHER, launcher());
    }
    if (bytes.size() > maxBytes) throw tooBig(workdir, maxBytes);
    byte[] zip = bytes.toByteArray();
    return new Built("_ray_pkg_" + Digests.sha256(zip).substring(0, 32) + ".zip", zip);
  }

  private static List<Path> files(Path workdir) throws IOException, Unfit {
    Path base = workdir.toRealPath();
    List<Path> all;
    try (Stream<Path> walk = Files.walk(workdir)) {
      all =
          walk.filter(p -> !p.equals(workdir))
              .filter(p -> !skipped(workdir, p))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    for (Path p : all) {
      if (Files.isSymbolicLink(p) && !p.toRealPath().startsWith(base)) {
        throw new Unfit(
            "training.workdir: "
                + workdir.relativize(p)
                + " is a symbolic link that leads outside the workdir; the Ray job gets only the"
                + " code beside the spec");
      }
    }
    return all;
  }

  private static boolean skipped(Path workdir, Path p) {
    for (Path part : workdir.relativize(p)) {
      if (SKIPPED.contains(part.toString())) return true;
    }
    return false;
  }

  private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(FIXED_TIME);
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
  }

  private static Unfit tooBig(Path workdir, long maxBytes) {
    return new Unfit(
        "training.workdir: "
            + workdir
            + " zips to more than "
            + (maxBytes >> 20)
            + " MB, the most this worker ships to Ray (setting"
            + " tollgate.training.ray.max-package-bytes); put data in the dataset, not the code");
  }
}
