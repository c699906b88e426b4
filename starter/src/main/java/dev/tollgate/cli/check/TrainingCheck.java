package dev.tollgate.cli.check;

import dev.tollgate.cli.common.ExecutablePath;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.TrainingCommandSpec;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training command's parts that live in the repository or on this machine, as {@code demo}
 * checks them before it starts: the imported model file, the working folder, the requirements file,
 * the program (an executable file in the working folder, or a name on the PATH), python3 for a
 * venv. Nothing is run. The image of {@code runner: container} and the address of {@code runner:
 * ray} are checked by the parser (named, well-formed); pulling or reaching them is the worker's.
 */
final class TrainingCheck {
  private final String path;
  private final boolean modelFiles;

  /**
   * {@code path}: the PATH to look programs up on (this process's, in the CLI); {@code modelFiles}:
   * whether an imported model file must exist here (not in a checkout without generated files).
   */
  TrainingCheck(String path, boolean modelFiles) {
    this.path = path;
    this.modelFiles = modelFiles;
  }

  void check(PipelineSpec spec, CheckReport report) {
    TrainingCommandSpec command = spec.training().command();
    if (command == null || command.inContainer()) return;
    if (command.imported()) {
      String uri = command.importUri();
      if (modelFiles && uri.startsWith("file:") && !Files.isRegularFile(Path.of(URI.create(uri)))) {
        report.problem(
            "training.import.uri",
            Path.of(URI.create(uri)) + " does not exist; make the model file first");
      }
      return;
    }
    Path workdir = Path.of(command.workdir());
    if (!Files.isDirectory(workdir)) {
      report.problem("training.workdir", workdir + " is not a folder");
      return;
    }
    if (command.onRay()) {
      String requirements = command.ray().requirements();
      if (requirements != null && !Files.isRegularFile(Path.of(requirements))) {
        report.problem("training.runtime_env.requirements", requirements + " does not exist");
      }
      return; // the cluster brings Python and the program
    }
    if (command.requirements() != null) {
      if (!Files.isRegularFile(Path.of(command.requirements()))) {
        report.problem("training.python.requirements", command.requirements() + " does not exist");
      }
      if (ExecutablePath.find("python3", path) == null) {
        report.problem(
            "training.python.requirements",
            "python3 is not on the PATH; the worker makes the venv with python3 -m venv");
      }
      return; // the program comes from the venv
    }
    String program = command.command().getFirst();
    if (!program.contains("/")) {
      if (ExecutablePath.find(program, path) == null) {
        report.problem("training.command", "the program '" + program + "' is not on the PATH");
      }
    } else if (!Files.isExecutable(workdir.resolve(program))) {
      report.problem(
          "training.command",
          "the program '" + program + "' is not an executable file in " + workdir);
    }
  }
}
