package dev.tollgate.benchmarks;

import dev.tollgate.spec.ParamValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command run by hand: the same argv in the same folder, the contract's variables set as the
 * runner sets them (a fresh channel with the stage's own {@code train.csv}, hyperparameters.json,
 * empty model and output folders, {@code TMPDIR}), the worker's environment left out as the runner
 * leaves it out. Timed from process start to exit; preparing the folders is not timed.
 */
final class HandSide {
  private final Path home;
  private final List<String> argv;
  private final Path workdir;
  private final Path trainCsv;
  private final Map<String, ParamValue> params;

  HandSide(
      Path home, List<String> argv, Path workdir, Path trainCsv, Map<String, ParamValue> params) {
    this.home = home;
    this.argv = argv;
    this.workdir = workdir;
    this.trainCsv = trainCsv;
    this.params = params;
  }

  /** Rows of train.csv (its lines less the header). */
  long rows() throws IOException {
    try (var lines = Files.lines(trainCsv)) {
      return lines.count() - 1;
    }
  }

  /** Runs the command once; its wall-clock seconds from start to exit. */
  double run(String name) throws IOException, InterruptedException {
    Path run = home.resolve("by-hand").resolve(name);
    Path channel = Files.createDirectories(run.resolve("input/train"));
    Path model = Files.createDirectories(run.resolve("model"));
    Path output = Files.createDirectories(run.resolve("output"));
    Path tmp = Files.createDirectories(run.resolve("tmp"));
    Files.copy(trainCsv, channel.resolve("train.csv"));
    String json = json();
    Path hps = Files.writeString(run.resolve("hyperparameters.json"), json);
    ProcessBuilder builder = new ProcessBuilder(argv).directory(workdir.toFile());
    Map<String, String> env = builder.environment();
    Map<String, String> worker = Map.copyOf(env);
    env.clear();
    for (String keep : List.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "TZ")) {
      if (worker.containsKey(keep)) env.put(keep, worker.get(keep));
    }
    env.put("TOLLGATE_CHANNEL_TRAIN", channel.toString());
    env.put("SM_CHANNEL_TRAIN", channel.toString());
    env.put("TOLLGATE_HYPERPARAMETERS", hps.toString());
    env.put("SM_HPS", json);
    env.put("TOLLGATE_MODEL_DIR", model.toString());
    env.put("SM_MODEL_DIR", model.toString());
    env.put("TOLLGATE_OUTPUT_DIR", output.toString());
    env.put("SM_OUTPUT_DATA_DIR", output.toString());
    env.put("TOLLGATE_RUN_DIR", run.toString());
    env.put("TMPDIR", tmp.toString());
    env.put("PYTHONUNBUFFERED", "1");
    params.forEach((k, v) -> env.put("SM_HP_" + k.toUpperCase(Locale.ROOT), text(v)));
    builder.redirectErrorStream(true).redirectOutput(run.resolve("train.log").toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    long t0 = System.nanoTime();
    Process p = builder.start();
    int exit = p.waitFor();
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (exit != 0 || !Files.isRegularFile(model.resolve("model.onnx"))) {
      throw new IllegalStateException(
          "the hand run failed (exit " + exit + "): " + Files.readString(run.resolve("train.log")));
    }
    return seconds;
  }

  /** As the runner writes a value: a whole number without ".0" (150, not 150.0). */
  private static String text(ParamValue v) {
    String s = v.toString();
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  private String json() {
    StringBuilder s = new StringBuilder("{");
    params.forEach(
        (k, v) ->
            s.append(s.length() > 1 ? "," : "")
                .append('"')
                .append(k)
                .append("\":")
                .append(text(v)));
    return s.append('}').toString();
  }
}
