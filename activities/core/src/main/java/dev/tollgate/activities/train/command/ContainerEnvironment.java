package dev.tollgate.activities.train.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a training container sees: the run folder's parts mounted at SageMaker's container paths,
 * and the contract's variables (Tollgate's and SageMaker's names) pointing at them. Nothing of the
 * worker's environment but what the operator names ({@link RunnerSettings#passThroughEnv}): the
 * image brings its own PATH and locale.
 */
final class ContainerEnvironment {
  static final String ML = "/opt/ml";
  static final String CHANNEL_TRAIN = ML + "/input/data/train";
  static final String CONFIG = ML + "/input/config";
  static final String HYPERPARAMETERS = CONFIG + "/hyperparameters.json";
  static final String MODEL = ML + "/model";
  static final String OUTPUT = ML + "/output";
  static final String TMP = "/tmp";

  private ContainerEnvironment() {}

  /** The train channel and the hyperparameters read-only; model, output and tmp writable. */
  static List<ContainerLaunch.Mount> mounts(RunFolder run) {
    return List.of(
        new ContainerLaunch.Mount(run.channelTrain(), CHANNEL_TRAIN, true),
        new ContainerLaunch.Mount(run.hyperparameters().getParent(), CONFIG, true),
        new ContainerLaunch.Mount(run.model(), MODEL, false),
        new ContainerLaunch.Mount(run.output(), OUTPUT, false),
        new ContainerLaunch.Mount(run.tmp(), TMP, false));
  }

  static Map<String, String> build(
      Map<String, String> worker,
      Set<String> passThrough,
      Map<String, String> specEnv,
      Hyperparameters params) {
    Map<String, String> env = new TreeMap<>();
    worker.forEach(
        (name, value) -> {
          if (passThrough.contains(name)) env.put(name, value);
        });
    env.putAll(specEnv);
    env.put("TMPDIR", TMP);
    env.putIfAbsent("PYTHONUNBUFFERED", "1");
    both(env, "TOLLGATE_CHANNEL_TRAIN", "SM_CHANNEL_TRAIN", CHANNEL_TRAIN);
    env.put("TOLLGATE_HYPERPARAMETERS", HYPERPARAMETERS);
    both(env, "TOLLGATE_MODEL_DIR", "SM_MODEL_DIR", MODEL);
    // One output folder for both names, as for a command: metrics.json and failure go there, and
    // SageMaker's own failure path (/opt/ml/output/failure) is in it.
    both(env, "TOLLGATE_OUTPUT_DIR", "SM_OUTPUT_DATA_DIR", OUTPUT);
    env.put("TOLLGATE_RUN_DIR", ML);
    env.put("SM_CHANNELS", "[\"train\"]");
    env.put("SM_INPUT_DIR", ML + "/input");
    env.put("SM_INPUT_CONFIG_DIR", CONFIG);
    env.put("SM_OUTPUT_DIR", OUTPUT);
    env.put("SM_HPS", params.json());
    params.values().forEach((k, v) -> env.put("SM_HP_" + k.toUpperCase(Locale.ROOT), v));
    return env;
  }

  /**
   * Writes {@code env} as an env file ({@code NAME=value} lines, read by the engine when it creates
   * the container), private to the worker's user. A value with a line break cannot be written so;
   * it is refused naming the variable.
   */
  static void writeFile(Map<String, String> env, Path file) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, String> e : env.entrySet()) {
      String v = e.getValue();
      if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\0') >= 0) {
        throw new IllegalArgumentException(
            "the value of " + e.getKey() + " has a line break: a container cannot be given it");
      }
      text.append(e.getKey()).append('=').append(v).append('\n');
    }
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void both(Map<String, String> env, String ours, String sagemaker, String value) {
    env.put(ours, value);
    env.put(sagemaker, value);
  }
}
