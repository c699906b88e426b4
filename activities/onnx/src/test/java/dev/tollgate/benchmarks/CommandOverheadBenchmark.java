package dev.tollgate.benchmarks;

import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.activities.data.HoldoutSplit;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.ParamValue;
import dev.tollgate.spec.Task;
import dev.tollgate.spec.TrainingCommandSpec;
import dev.tollgate.spec.TrainingSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runner's overhead (issue 24): the train stage of a {@code training.command} spec against the
 * same command run by hand on the same rows. Both sides run the churn example's scikit-learn
 * trainer with the same Python, the same argv and the same {@code train.csv} bytes; the rounds
 * interleave the two, alternating which goes first. Run by {@code benchmarks/command-overhead.sh}.
 *
 * <p>Arguments: {@code HOME PYTHON DATA_CSV TRAINER_DIR ROUNDS RESULTS_FILE}.
 */
public final class CommandOverheadBenchmark {
  static final List<String> FEATURES =
      List.of(
          "tenure_months",
          "monthly_charges",
          "contract_months",
          "support_calls",
          "late_payments",
          "data_usage_gb");

  /** The churn example's params (examples/churn-sklearn/churn.yaml), in the spec's order. */
  static final Map<String, ParamValue> PARAMS = new LinkedHashMap<>();

  static {
    PARAMS.put("n_estimators", ParamValue.number(150));
    PARAMS.put("learning_rate", ParamValue.number(0.05));
    PARAMS.put("max_depth", ParamValue.number(3));
  }

  private CommandOverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path home = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
    Path python = Path.of(args[1]);
    Path data = Path.of(args[2]).toAbsolutePath();
    Path trainer = Path.of(args[3]).toAbsolutePath();
    int rounds = Integer.parseInt(args[4]);
    Path results = Path.of(args[5]);
    Path specDir = trainer.getParent();
    DataSpec dataSpec = new DataSpec(data.toUri().toString(), "churned", FEATURES, 1000, null);
    List<String> handArgv = new ArrayList<>(List.of(python.toString(), "train.py"));
    handArgv.addAll(
        List.of("--n_estimators", "150", "--learning_rate", "0.05", "--max_depth", "3"));

    try (PrintStream out = new PrintStream(Files.newOutputStream(results), true)) {
      Tee log = new Tee(out);
      // Warm-up (not counted): the stage once, its command wrapped to keep the train.csv it was
      // given, which the hand runs then read: the same rows, the same bytes.
      Path kept = home.resolve("train.csv");
      TrainingCommandSpec keeping =
          command(
              List.of(
                  "sh",
                  "-c",
                  "cp \"$TOLLGATE_CHANNEL_TRAIN/train.csv\" \"$KEEP_TRAIN_CSV\" && exec \"$0\" \"$@\"",
                  python.toString(),
                  "train.py"),
              Map.of("KEEP_TRAIN_CSV", kept.toString()),
              trainer,
              specDir);
      StageSide.Result warm = new StageSide(home, "warmup").run(dataSpec, training(keeping));
      log.line("warm-up stage: %.2f s (not counted)", warm.seconds());
      HandSide hand = new HandSide(home, handArgv, trainer, kept, PARAMS);
      log.line("warm-up by hand: %.2f s (not counted)", hand.run("warmup"));

      TrainingSpec training =
          training(command(List.of(python.toString(), "train.py"), Map.of(), trainer, specDir));
      log.line("phases measured apart (same calls as the stage): %s", phases(dataSpec, training));
      log.line("round\tside\twall_s\tstage_command_s\ttrain_rows\tholdout_rows\tload1");
      List<Double> byHand = new ArrayList<>();
      List<Double> byStage = new ArrayList<>();
      for (int r = 1; r <= rounds; r++) {
        boolean handFirst = r % 2 == 1;
        for (int side = 0; side < 2; side++) {
          if ((side == 0) == handFirst) {
            double s = hand.run("round-" + r);
            byHand.add(s);
            log.line("%d\thand\t%.3f\t\t%d\t\t%s", r, s, hand.rows(), Load.one());
          } else {
            StageSide.Result s = new StageSide(home, "round-" + r).run(dataSpec, training);
            byStage.add(s.seconds());
            log.line(
                "%d\tstage\t%.3f\t%.3f\t%d\t%d\t%s",
                r,
                s.seconds(),
                s.trained().trainMillis() / 1000.0,
                s.trained().trainRows(),
                s.trained().holdoutRows(),
                Load.one());
          }
        }
      }
      Summary.print(log, byHand, byStage);
    }
    // Temporal's test environments leave non-daemon threads behind: end the JVM here.
    System.exit(0);
  }

  static TrainingCommandSpec command(
      List<String> argv, Map<String, String> env, Path trainer, Path specDir) {
    return new TrainingCommandSpec(
        argv,
        trainer.toString(),
        null,
        PARAMS,
        env,
        Duration.ofMinutes(30),
        null,
        null,
        null,
        specDir.toString());
  }

  /** The churn spec's split: seed 42, holdout 0.2, stratified (the classification default). */
  static TrainingSpec training(TrainingCommandSpec command) {
    return TrainingSpec.byCommand(command, 42, 0.2, null);
  }

  /** Loading and splitting timed on their own: the part of the stage before the command. */
  private static String phases(DataSpec data, TrainingSpec training) {
    DatasetLoader loader = new DatasetLoader();
    long t0 = System.nanoTime();
    Dataset set = loader.load(data, Task.CLASSIFICATION, training);
    long t1 = System.nanoTime();
    HoldoutSplit split = HoldoutSplit.of(set, training);
    long t2 = System.nanoTime();
    return String.format(
        "load %.3f s (%d rows), split %.3f s (%d train, %d holdout)",
        (t1 - t0) / 1e9, set.rows(), (t2 - t1) / 1e9, split.train().length, split.holdout().length);
  }

  /** Prints to stdout and to the results file. */
  record Tee(PrintStream file) {
    void line(String format, Object... args) {
      String text = String.format(java.util.Locale.ROOT, format, args);
      System.out.println(text);
      file.println(text);
    }
  }

  /** The 1-minute load average at the moment, from /proc/loadavg. */
  static final class Load {
    static String one() {
      try {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
      } catch (IOException e) {
        return "?";
      }
    }
  }
}
