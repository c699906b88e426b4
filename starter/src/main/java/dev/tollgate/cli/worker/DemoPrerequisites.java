package dev.tollgate.cli.worker;

import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.TrainingCommandSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a spec needs on this machine that the demo can see is missing before it starts anything: the
 * data file, an imported model file, and for a training command its program or, with {@code
 * python.requirements}, {@code python3} with its venv module and pip (the worker makes the venv
 * with {@code python3 -m venv}, whose pip comes from {@code ensurepip}; Debian ships both apart
 * from python3). Said plainly, all at once, rather than as a failed stage minutes later.
 */
final class DemoPrerequisites {
  private static final long PYTHON_CHECK_SECONDS = 30;

  private DemoPrerequisites() {}

  /** Each thing missing, as a sentence; empty when the spec can run here. */
  static List<String> missing(Path specFile, PipelineSpec spec, String path) {
    List<String> missing = new ArrayList<>();
    Path folder = specFile.toAbsolutePath().getParent();
    Path data = localFile(spec.data().train());
    // Only a missing file: anything else there (a folder, an unreadable file) is the load stage's
    // to name, as for every run.
    if (data != null && !Files.exists(data)) {
      missing.add(
          "the data file "
              + data
              + " does not exist"
              + (Files.isRegularFile(folder.resolve("generate_data.py"))
                  ? "; make it with: python3 " + folder.resolve("generate_data.py")
                  : ""));
    }
    TrainingCommandSpec command = spec.training().command();
    if (command == null) return missing;
    if (command.imported()) {
      Path model = localFile(command.importUri());
      if (model != null && !Files.exists(model)) {
        missing.add(
            "the model file "
                + model
                + " (training.import) does not exist; make it first (the example's README says"
                + " how)");
      }
      return missing;
    }
    if (command.onRay()) {
      // the cluster brings Python and the packages; the demo cannot start one for you
      DemoRayCluster.unreachable(
              DemoRayCluster.address(command.ray(), System.getenv("TOLLGATE_RAY_ADDRESS")))
          .ifPresent(missing::add);
      return missing;
    }
    if (command.inContainer()) {
      // the image brings the code and its packages; the demo's worker needs docker to run it
      if (onPath("docker", path) == null) {
        missing.add(
            "the docker CLI is not on the PATH (training.runner: container runs "
                + command.container().image()
                + " with it)");
      }
      return missing;
    }
    if (command.requirements() != null) {
      python(path).ifPresent(missing::add);
    } else {
      String program = command.command().getFirst();
      Path workdir = Path.of(command.workdir());
      if (!program.contains("/")) {
        if (onPath(program, path) == null) {
          missing.add("the training command's program '" + program + "' is not on the PATH");
        }
      } else if (!Files.isExecutable(workdir.resolve(program))) {
        missing.add(
            "the training command's program '"
                + program
                + "' is not an executable file in "
                + workdir);
      }
    }
    return missing;
  }

  /** Why python3 cannot make the spec's venv here, if it cannot. */
  static Optional<String> python(String path) {
    Path python3 = onPath("python3", path);
    if (python3 == null) {
      return Optional.of(
          "python3 is not installed (not on the PATH); training.command with python.requirements"
              + " needs Python 3 with venv and pip (Debian/Ubuntu: apt-get install python3"
              + " python3-venv python3-pip; macOS: brew install python)");
    }
    String problem = run(python3, path, "import venv, ensurepip");
    if (problem == null) return Optional.empty();
    return Optional.of(
        python3
            + " cannot make a venv with pip ("
            + problem
            + "); training.command with python.requirements needs them (Debian/Ubuntu: apt-get"
            + " install python3-venv python3-pip)");
  }

  /** {@code null} when the snippet runs, else what went wrong. */
  private static String run(Path python3, String path, String snippet) {
    try {
      ProcessBuilder builder =
          new ProcessBuilder(python3.toString(), "-c", snippet).redirectErrorStream(true);
      Map<String, String> env = builder.environment();
      env.put("PATH", path == null ? "" : path);
      Process p = builder.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(PYTHON_CHECK_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "it did not answer within " + PYTHON_CHECK_SECONDS + " s";
      }
      if (p.exitValue() == 0) return null;
      List<String> lines =
          new String(out, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
      return lines.isEmpty() ? "exit " + p.exitValue() : lines.getLast().strip();
    } catch (IOException e) {
      return "it could not be started: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** The first executable {@code program} in {@code path}'s folders, or null. */
  static Path onPath(String program, String path) {
    return dev.tollgate.cli.common.ExecutablePath.find(program, path);
  }

  private static Path localFile(String uri) {
    return uri != null && uri.startsWith("file:") ? Path.of(URI.create(uri)) : null;
  }
}
