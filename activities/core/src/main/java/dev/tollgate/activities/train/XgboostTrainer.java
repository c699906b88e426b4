package dev.tollgate.activities.train;

import dev.tollgate.activities.models.Matrices;
import dev.tollgate.activities.models.Predictor;
import dev.tollgate.activities.models.XgboostModel;
import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * XGBoost's {@code hist} gradient boosting ({@code gradient_boosting}): squared error for
 * regression, {@code binary:logistic} for two classes, {@code multi:softprob} for more. The booster
 * is grown one round at a time so the heartbeat reports real trees built.
 *
 * <p>Reproducible: subsampling draws from XGBoost's own RNG, seeded with the spec's seed. The CPU
 * {@code hist} method gives the same model bytes whatever the thread count (checked with 1 to 8
 * threads on 3.0.4, and kept by a test), so {@code nthread} is the worker's core count and not a
 * hyperparameter: a model retrained on a bigger worker is still the same model.
 */
final class XgboostTrainer implements Trainer {
  private final int threads;

  XgboostTrainer() {
    this(Runtime.getRuntime().availableProcessors());
  }

  XgboostTrainer(int threads) {
    this.threads = threads;
  }

  @Override
  public Predictor fit(TrainingSet set, HyperParams params, long seed, TreeProgress progress) {
    int rounds = params.integer("trees");
    int classes = set.classes();
    DMatrix train = null;
    try {
      var data = set.data();
      train =
          new DMatrix(
              Matrices.rowMajor(data, set.rows()),
              set.rows().length,
              data.features().size(),
              Float.NaN);
      float[] label = new float[set.rows().length];
      for (int i = 0; i < label.length; i++) {
        label[i] = (float) data.y()[set.rows()[i]];
      }
      train.setLabel(label);
      Booster booster =
          XGBoost.train(train, settings(params, seed, classes), 0, Map.of(), null, null);
      progress.built(0, rounds);
      for (int round = 0; round < rounds; round++) {
        booster.update(train, round);
        progress.built(round + 1, rounds);
        progress.checkStopped();
      }
      return new XgboostModel(booster, classes);
    } catch (XGBoostError e) {
      // XGBoost refuses what it cannot fit (a label outside the classes, an empty matrix): the
      // same input fails the same way, so it is the data's fault, not a transient one.
      throw new IllegalArgumentException("XGBoost: " + e.getMessage(), e);
    } finally {
      if (train != null) {
        train.dispose();
      }
    }
  }

  private Map<String, Object> settings(HyperParams params, long seed, int classes) {
    Map<String, Object> settings = new HashMap<>();
    if (classes == 0) {
      settings.put("objective", "reg:squarederror");
    } else if (classes == 2) {
      settings.put("objective", "binary:logistic");
    } else {
      settings.put("objective", "multi:softprob");
      settings.put("num_class", classes);
    }
    settings.put("tree_method", "hist");
    settings.put("eta", params.real("shrinkage"));
    settings.put("max_depth", params.integer("max_depth"));
    settings.put("grow_policy", params.text("grow_policy"));
    settings.put("max_leaves", params.integer("max_leaves"));
    settings.put("subsample", params.real("subsample"));
    settings.put("colsample_bytree", params.real("colsample"));
    settings.put("min_child_weight", params.real("min_child_weight"));
    settings.put("lambda", params.real("lambda"));
    settings.put("alpha", params.real("alpha"));
    settings.put("gamma", params.real("gamma"));
    settings.put("max_bin", params.integer("max_bin"));
    settings.put("seed", seed);
    settings.put("nthread", threads);
    settings.put("verbosity", 0);
    return settings;
  }

  /** Loads the native library, as the first {@link DMatrix} of the process does. */
  static void loadNativeLibrary() {
    try {
      new DMatrix(new float[] {0f}, 1, 1, Float.NaN).dispose();
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost's native library is loaded but failed", e);
    }
  }

  private static final String VERSION = readVersion();

  /** The XGBoost4J version on the classpath, for the artifact's metadata (its jar says so). */
  static String version() {
    return VERSION;
  }

  private static String readVersion() {
    try (var in = XGBoost.class.getResourceAsStream("/xgboost4j-version.properties")) {
      if (in == null) {
        return null;
      }
      var properties = new java.util.Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
