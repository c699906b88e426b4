package dev.tollgate.adapters.onnx;

import dev.tollgate.activities.train.ray.RayException;
import dev.tollgate.activities.train.ray.RayJobs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A one-node "Ray cluster" made of local processes, for the train stage's tests without Ray: a
 * job's package is unzipped into its own folder and its entrypoint run there by {@code sh -c} with
 * the job's env vars (as a Ray node does), its output kept as the job's log, its exit code read as
 * Ray reports it, and a stop sent as SIGTERM.
 */
final class LocalRayJobs implements RayJobs {
  private final Path root;
  private final Map<String, byte[]> packages = new ConcurrentHashMap<>();
  private final Map<String, Running> jobs = new ConcurrentHashMap<>();

  private record Running(Process process, Path log, boolean[] stopped) {}

  LocalRayJobs(Path root) {
    this.root = root;
  }

  int submitted() {
    return jobs.size();
  }

  @Override
  public String address() {
    return "http://127.0.0.1:8265";
  }

  @Override
  public String session() {
    return "session_local";
  }

  @Override
  public String uploadPackage(String name, byte[] zip) {
    packages.putIfAbsent(name, zip);
    return "gcs://" + name;
  }

  @Override
  public boolean submit(Submission s) throws RayException {
    if (jobs.containsKey(s.submissionId())) return false;
    try {
      Path wd = Files.createDirectories(root.resolve(s.submissionId()));
      unzip(packages.get(s.workingDir().substring("gcs://".length())), wd);
      ProcessBuilder pb =
          new ProcessBuilder("sh", "-c", s.entrypoint())
              .directory(wd.toFile())
              .redirectErrorStream(true)
              .redirectOutput(wd.resolve("job.log").toFile());
      pb.environment().putAll(s.envVars());
      jobs.put(s.submissionId(), new Running(pb.start(), wd.resolve("job.log"), new boolean[1]));
      return true;
    } catch (IOException e) {
      throw new RayException(RayException.Kind.REJECTED, "cannot start: " + e.getMessage());
    }
  }

  private static void unzip(byte[] zip, Path into) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        Path target = into.resolve(e.getName());
        Files.createDirectories(target.getParent());
        Files.copy((InputStream) in, target);
      }
    }
  }

  @Override
  public Optional<Job> job(String id) {
    Running r = jobs.get(id);
    if (r == null) return Optional.empty();
    if (r.process().isAlive()) return Optional.of(new Job(id, Status.RUNNING, "", null, null));
    int exit = r.process().exitValue();
    if (r.stopped()[0]) return Optional.of(new Job(id, Status.STOPPED, "stopped", null, null));
    return Optional.of(
        exit == 0
            ? new Job(id, Status.SUCCEEDED, "Job finished successfully.", null, 0)
            : new Job(id, Status.FAILED, "failed", "JOB_ENTRYPOINT_COMMAND_ERROR", exit));
  }

  @Override
  public String logs(String id) {
    try {
      return Files.readString(jobs.get(id).log(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean stop(String id) {
    Running r = jobs.get(id);
    if (r == null || !r.process().isAlive()) return false;
    r.stopped()[0] = true;
    r.process().destroy();
    return true;
  }

  @Override
  public List<Node> nodes() {
    return List.of(new Node("local", true, Map.of("CPU", 2.0)));
  }

  void close() {
    jobs.values().forEach(r -> r.process().destroyForcibly());
  }
}
