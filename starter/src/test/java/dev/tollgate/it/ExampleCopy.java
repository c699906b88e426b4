package dev.tollgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A copy of one of examples/ (spec, trainer folder, data generator) in a test's folder, with its
 * seeded data generated, ready for {@code tollgate run}.
 *
 * @param keep what the test compares with: for a training command, the fitted model and train.csv
 *     keep_model.py kept; for an import, the model folder with make_model.py's check.csv
 */
record ExampleCopy(
    Path spec, Path data, Path keep, String model, List<String> features, String target) {

  /**
   * A training-command example. Two changes to the spec, both visible in the copy: no {@code
   * python.requirements} (the worker's PATH has the tests' venv, pinned to the same versions,
   * instead of a venv pip would build from PyPI during the test), and the command runs the
   * example's train.py, unchanged, through keep_model.py, which keeps the fitted model and
   * train.csv in {@link #keep}.
   */
  static ExampleCopy of(String example, String specFile, Path dir) {
    try {
      Path copy = copy(example, dir);
      Path keep = Files.createDirectories(dir.resolve(example + "-kept"));
      Path spec = copy.resolve(specFile);
      String yaml = Files.readString(spec);
      String trainer = find(yaml, "\n  workdir: (\\S+)");
      PythonMl.copyScript("keep_model.py", copy.resolve(trainer));
      yaml =
          replace(
              yaml,
              "\n  command: [python, train.py]",
              "\n  command: [python, keep_model.py]   # the tests' change: keeps the model\n"
                  + "  env: { IT_KEEP: \""
                  + keep
                  + "\" }");
      yaml = yaml.replaceFirst("\n  python: \\{ requirements: [^}]+}[^\n]*", "");
      Files.writeString(spec, yaml);
      return generated(copy, spec, keep);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A training-command example trained in a container: the spec's {@code command}, {@code workdir}
   * and {@code python} become {@code runner: container} and {@code image} (the image holds train.py
   * and its packages, and runs it as its entry point); its data generated as for {@link #of}.
   */
  static ExampleCopy inContainer(String example, String specFile, Path dir, String image) {
    try {
      Path copy = copy(example, dir);
      Path spec = copy.resolve(specFile);
      String yaml =
          Files.readString(spec)
              .replaceFirst("\n  command: [^\n]*", "\n  runner: container\n  image: " + image)
              .replaceFirst("\n  workdir: [^\n]*", "")
              .replaceFirst("\n  python: [^\n]*", "");
      Files.writeString(spec, yaml);
      return generated(copy, spec, copy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A Ray example, its spec unchanged (the worker's Ray address; the nodes' Python has its
   * packages): its data made by its generator, which needs only the standard library (python3).
   */
  static ExampleCopy onRay(String example, String specFile, Path dir) {
    try {
      Path copy = copy(example, dir);
      Path spec = copy.resolve(specFile);
      String data = find(Files.readString(spec), "\n  train: file:(\\S+)");
      ProcResult generated =
          Commands.run(
              List.of(
                  "python3",
                  copy.resolve("generate_data.py").toString(),
                  copy.resolve(data).toString()),
              java.util.Map.of(),
              Duration.ofMinutes(2));
      if (generated.exitCode() != 0) throw new IllegalStateException(generated.toString());
      return described(copy, spec, copy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The import example (a model "trained elsewhere"), its spec unchanged: its data generated, then
   * its model made by make_model.py (on rows of its own), which also writes scikit-learn's own
   * predictions for 200 rows it did not train on to {@code model/check.csv} ({@link #keep} is that
   * folder).
   */
  static ExampleCopy ofImport(String example, String specFile, Path dir) {
    try {
      Path copy = copy(example, dir);
      ExampleCopy made = generated(copy, copy.resolve(specFile), copy.resolve("model"));
      ProcResult model =
          PythonMl.run(
              Duration.ofMinutes(3),
              copy.resolve("make_model.py").toString(),
              made.keep().toString());
      if (model.exitCode() != 0) throw new IllegalStateException(model.toString());
      return made;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** examples/{@code example} copied into {@code dir}, without data or model files. */
  private static Path copy(String example, Path dir) throws IOException {
    Path source =
        ItSettings.targetDir().getParent().getParent().resolve("examples").resolve(example);
    if (!Files.isDirectory(source)) throw new IllegalStateException("no example " + source);
    Path copy = dir.resolve(example);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path f : files.toList()) {
        Path to = copy.resolve(source.relativize(f).toString());
        String name = f.getFileName().toString();
        if (Files.isDirectory(f)) Files.createDirectories(to);
        else if (!name.endsWith(".csv") && !name.endsWith(".onnx")) Files.copy(f, to);
      }
    }
    return copy;
  }

  /** The spec's data made by the example's seeded generator, and what the spec names. */
  private static ExampleCopy generated(Path copy, Path spec, Path keep) throws IOException {
    String yaml = Files.readString(spec);
    String data = find(yaml, "\n  train: file:(\\S+)");
    ProcResult generated =
        PythonMl.run(
            Duration.ofMinutes(2),
            copy.resolve("generate_data.py").toString(),
            copy.resolve(data).toString());
    if (generated.exitCode() != 0) throw new IllegalStateException(generated.toString());
    return described(copy, spec, keep);
  }

  /** What the spec names, with the data it reads in {@code copy}. */
  private static ExampleCopy described(Path copy, Path spec, Path keep) throws IOException {
    String yaml = Files.readString(spec);
    String data = find(yaml, "\n  train: file:(\\S+)");
    return new ExampleCopy(
        spec,
        copy.resolve(data),
        keep,
        find(yaml, "\nmodel: (\\S+)"),
        Arrays.stream(find(yaml, "\n  features: \\[([^]]+)]").split(","))
            .map(String::strip)
            .toList(),
        find(yaml, "\n  target: (\\S+)"));
  }

  private static String find(String yaml, String regex) {
    Matcher m = Pattern.compile(regex).matcher(yaml);
    if (!m.find()) throw new IllegalStateException("the example's spec has no " + regex);
    return m.group(1);
  }

  private static String replace(String yaml, String what, String with) {
    if (!yaml.contains(what)) throw new IllegalStateException("the example's spec has no " + what);
    return yaml.replace(what, with);
  }
}
