package dev.tollgate.activities.train.command;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment a training command starts with: nothing of the worker's but an allow-list, then
 * the spec's plain values, then the contract's variables (which nothing can override).
 *
 * <p>Why an allow-list and not a deny-list: the worker's environment holds its credentials ({@code
 * TOLLGATE_*} settings such as database passwords and Slack tokens, {@code AWS_*} keys) and nobody
 * can list every secret a host may carry. A command gets only what finds programs and sets the
 * locale, plus what the worker's operator names on purpose ({@link RunnerSettings#passThroughEnv},
 * e.g. a {@code WANDB_API_KEY} — "secrets come from the worker's environment").
 */
public final class CommandEnvironment {

  /** Passed when the worker has them: finding programs, the user, the locale, the GPUs. */
  public static final Set<String> BASE_NAMES =
      Set.of(
          "PATH",
          "HOME",
          "USER",
          "LOGNAME",
          "LANG",
          "LANGUAGE",
          "TZ",
          "CUDA_VISIBLE_DEVICES",
          "NVIDIA_VISIBLE_DEVICES");

  private CommandEnvironment() {}

  static Map<String, String> build(
      Map<String, String> worker,
      Set<String> passThrough,
      Map<String, String> specEnv,
      RunFolder run,
      Hyperparameters params,
      Path venv) {
    Map<String, String> env = allowed(worker, passThrough);
    env.putAll(specEnv);
    if (venv != null) {
      // What `source venv/bin/activate` does: its python and scripts first.
      env.put("PATH", venv.resolve("bin") + ":" + env.get("PATH"));
      env.put("VIRTUAL_ENV", venv.toString());
    }
    // Temporary files stay in the run folder, which is removed with the run.
    env.put("TMPDIR", run.tmp().toString());
    // Python's output is otherwise block-buffered into a pipe: progress lines would arrive late.
    env.putIfAbsent("PYTHONUNBUFFERED", "1");
    contract(env, run);
    // SageMaker's SM_HPS is the hyperparameters' JSON itself, and SM_HP_<NAME> each one.
    env.put("SM_HPS", params.json());
    params
        .values()
        .forEach((k, v) -> env.put("SM_HP_" + k.toUpperCase(java.util.Locale.ROOT), v.toString()));
    return env;
  }

  /** The part of the worker's environment any process Tollgate starts for a spec gets. */
  static Map<String, String> allowed(Map<String, String> worker, Set<String> passThrough) {
    Map<String, String> env = new TreeMap<>();
    worker.forEach(
        (name, value) -> {
          if (BASE_NAMES.contains(name) || name.startsWith("LC_") || passThrough.contains(name)) {
            env.put(name, value);
          }
        });
    env.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
    return env;
  }

  /** Tollgate's names and SageMaker script mode's, so existing scripts run unchanged. */
  private static void contract(Map<String, String> env, RunFolder run) {
    both(env, "TOLLGATE_CHANNEL_TRAIN", "SM_CHANNEL_TRAIN", run.channelTrain().toString());
    env.put("TOLLGATE_HYPERPARAMETERS", run.hyperparameters().toString());
    both(env, "TOLLGATE_MODEL_DIR", "SM_MODEL_DIR", run.model().toString());
    both(env, "TOLLGATE_OUTPUT_DIR", "SM_OUTPUT_DATA_DIR", run.output().toString());
    env.put("TOLLGATE_RUN_DIR", run.root().toString());
  }

  private static void both(Map<String, String> env, String ours, String sagemaker, String value) {
    env.put(ours, value);
    env.put(sagemaker, value);
  }
}
