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
 * seeded data generated, ready for {@code tollgate run}. Two changes to the spec, both printed in
 * the copy: no {@code python.requirements} (the worker's PATH has the tests' venv, pinned to the
 * same versions, instead of a venv pip builds from PyPI during the test), and the command runs the
 * example's train.py through keep_model.py, which keeps the fitted model and train.csv in {@code
 * keep} for the test to compare with.
 */
record ExampleCopy(
    Path spec, Path data, Path keep, String model, List<String> features, String target) {

  static ExampleCopy of(String example, String specFile, Path dir) {
    Path source =
        ItSettings.targetDir().getParent().getParent().resolve("examples").resolve(example);
    if (!Files.isDirectory(source)) throw new IllegalStateException("no example " + source);
    try {
      Path copy = dir.resolve(example);
      try (Stream<Path> files = Files.walk(source)) {
        for (Path f : files.toList()) {
          Path to = copy.resolve(source.relativize(f).toString());
          if (Files.isDirectory(f)) Files.createDirectories(to);
          else if (!f.getFileName().toString().endsWith(".csv")) Files.copy(f, to);
        }
      }
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
      String data = find(yaml, "\n  train: file:(\\S+)");
      ProcResult generated =
          PythonMl.run(
              Duration.ofMinutes(2),
              copy.resolve("generate_data.py").toString(),
              copy.resolve(data).toString());
      if (generated.exitCode() != 0) throw new IllegalStateException(generated.toString());
      return new ExampleCopy(
          spec,
          copy.resolve(data),
          keep,
          find(yaml, "\nmodel: (\\S+)"),
          Arrays.stream(find(yaml, "\n  features: \\[([^]]+)]").split(","))
              .map(String::strip)
              .toList(),
          find(yaml, "\n  target: (\\S+)"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
