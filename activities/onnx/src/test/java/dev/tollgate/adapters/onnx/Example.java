package dev.tollgate.adapters.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tollgate.spec.ParamValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the repository's examples/ folders, read from its spec as written: what the model takes
 * (features, target, task) and how it is trained (command, workdir, params) or imported. Read here
 * as plain YAML, so the examples' tests check the files people copy, key by key.
 */
record Example(Path dir, JsonNode spec) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Example of(String name, String specFile) throws IOException {
    Path dir = examples().resolve(name);
    return new Example(dir, YAML.readTree(Files.readString(dir.resolve(specFile))));
  }

  String task() {
    return spec.path("task").asText("regression");
  }

  String target() {
    return spec.path("data").path("target").asText();
  }

  List<String> features() {
    List<String> features = new ArrayList<>();
    spec.path("data").path("features").forEach(f -> features.add(f.asText()));
    return features;
  }

  JsonNode training() {
    return spec.path("training");
  }

  List<String> command() {
    List<String> argv = new ArrayList<>();
    training().path("command").forEach(a -> argv.add(a.asText()));
    return argv;
  }

  Path workdir() {
    return dir.resolve(training().path("workdir").asText(".")).normalize();
  }

  Map<String, ParamValue> params() {
    Map<String, ParamValue> params = new LinkedHashMap<>();
    training()
        .path("params")
        .fields()
        .forEachRemaining(e -> params.put(e.getKey(), ParamValue.of(e.getValue())));
    return params;
  }

  /** Runs one of the example's Python scripts with {@code python}; fails with its output. */
  void python(Path python, String script, Path log, String... args)
      throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of(python.toString(), dir.resolve(script).toString()));
    argv.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
    // make_model.py imports generate_data.py: no __pycache__ left in the repository's examples/.
    builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    Process p = builder.redirectOutput(log.toFile()).start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(
          script
              + " failed (exit "
              + p.exitValue()
              + "):\n"
              + Files.readString(log, StandardCharsets.UTF_8));
    }
  }

  /** The repository's examples/ folder, looked up from the module folder Maven runs in. */
  static Path examples() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("examples/energy"))) return d.resolve("examples");
    }
    throw new IllegalStateException("examples/ not found above " + Path.of("").toAbsolutePath());
  }
}
