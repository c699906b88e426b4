package dev.tollgate.activities.commits;

import dev.tollgate.github.PlannedRun;
import dev.tollgate.github.SpecProblem;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecException;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.spec.TrainingCommandSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The pipeline specs of a checkout that a change affects: under the configured spec paths, a {@code
 * .yaml}/{@code .yml} file with a top-level {@code model:} key (other YAML there, a policy or a
 * compose file, is not a pipeline spec), whose own file changed, or whose training code did:
 * anything under its {@code training.workdir} (the spec's folder when it names none), its {@code
 * python.requirements}, or the model file it imports. Each is parsed from the checkout, so its
 * relative paths resolve inside it.
 */
final class AffectedSpecs {
  private static final Pattern MODEL_KEY = Pattern.compile("(?m)^model[ \\t]*:");
  private static final int MAX_MESSAGE = 300;

  private AffectedSpecs() {}

  /** The affected specs that parse, and those that do not, each in path order. */
  record Found(List<PlannedRun> runs, List<SpecProblem> problems) {}

  static Found find(Path files, List<String> specPaths, ChangedFiles changed) {
    List<PlannedRun> runs = new ArrayList<>();
    List<SpecProblem> problems = new ArrayList<>();
    for (String specPath : specFiles(files, specPaths)) {
      Path file = files.resolve(specPath);
      try {
        PipelineSpec spec = SpecParser.parse(file);
        if (changed.file(specPath) || codeChanged(files, spec, changed)) {
          runs.add(new PlannedRun(specPath, spec));
        }
      } catch (SpecException e) {
        // a broken spec whose file did not change is not this change's doing: left alone
        if (changed.file(specPath)) {
          problems.add(new SpecProblem(specPath, e.key(), problem(e, files)));
        }
      } catch (RuntimeException e) {
        if (changed.file(specPath)) {
          problems.add(
              new SpecProblem(specPath, "", "cannot be read: " + e.getClass().getSimpleName()));
        }
      }
    }
    return new Found(runs, problems);
  }

  /** The repository paths of the pipeline specs under {@code specPaths}, sorted. */
  static List<String> specFiles(Path files, List<String> specPaths) {
    TreeSet<String> found = new TreeSet<>();
    for (String folder : specPaths) {
      Path dir = folder.isEmpty() ? files : files.resolve(folder).normalize();
      // a spec path that is a symbolic link the commit made (specs -> /etc) is not followed out:
      // Files.walk reads its start without following it, and links are no regular files here
      if (!dir.startsWith(files) || !Files.isDirectory(dir)) continue;
      try (Stream<Path> all = Files.walk(dir)) {
        all.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
            .map(p -> files.relativize(p).toString().replace('\\', '/'))
            .filter(AffectedSpecs::yaml)
            .filter(p -> !hidden(p))
            .filter(p -> isPipelineSpec(files.resolve(p)))
            .forEach(found::add);
      } catch (IOException | java.io.UncheckedIOException e) {
        throw new GitProcess.GitFailure("cannot list the specs of the checkout: " + e);
      }
    }
    return List.copyOf(found);
  }

  private static boolean codeChanged(Path files, PipelineSpec spec, ChangedFiles changed) {
    TrainingCommandSpec command = spec.training().command();
    if (command == null) return false;
    List<String> code = new ArrayList<>();
    if (command.workdir() != null) code.add(command.workdir());
    if (command.requirements() != null) code.add(command.requirements());
    if (command.importUri() != null && command.importUri().startsWith("file:")) {
      code.add(dev.tollgate.activities.files.FileUris.dataset(command.importUri()).toString());
    }
    for (String path : code) {
      Path p = Path.of(path).toAbsolutePath().normalize();
      if (!p.startsWith(files)) continue;
      if (changed.under(files.relativize(p).toString().replace('\\', '/'))) return true;
    }
    return false;
  }

  private static boolean yaml(String path) {
    return path.endsWith(".yaml") || path.endsWith(".yml");
  }

  private static boolean hidden(String path) {
    for (String name : path.split("/")) if (name.startsWith(".")) return true;
    return false;
  }

  private static boolean isPipelineSpec(Path file) {
    try {
      if (Files.size(file) > 1 << 20) return true; // the parser says what is wrong with it
      return MODEL_KEY.matcher(Files.readString(file)).find();
    } catch (IOException | RuntimeException e) {
      return true; // unreadable: the parser names the problem
    }
  }

  /** The parser's problem without the checkout's folder (GitHub shows it; the worker's is not). */
  private static String problem(SpecException e, Path files) {
    String prefix = e.file() + ": " + e.key() + ": ";
    String message =
        e.getMessage().startsWith(prefix)
            ? e.getMessage().substring(prefix.length())
            : e.getMessage();
    message = message.replace(files.toString() + "/", "").replace(files.toString(), ".");
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
  }
}
