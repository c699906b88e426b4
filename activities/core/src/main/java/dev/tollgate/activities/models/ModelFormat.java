package dev.tollgate.activities.models;

import java.util.Arrays;

/**
 * How a model file is encoded; the artifact's {@code metadata.json} records it as {@code
 * model_format} with the file's name as {@code model_file}. XGBoost models are kept in XGBoost's
 * own Universal Binary JSON, readable by every XGBoost binding (Python's {@code
 * xgb.Booster(model_file="model.ubj")} included); Smile has no portable format, so its models (and
 * Tollgate's isolation forest) are Java-serialized. ONNX models (issue 24: trained by a team's own
 * command, exported with skl2onnx or onnxmltools) are kept as the {@code .onnx} file itself and
 * scored by a {@link ModelRuntime} from an adapter module, since core has no ONNX runtime.
 */
public enum ModelFormat {
  JAVA_SERIALIZED("java-serialized", "model.bin"),
  XGBOOST_UBJ("xgboost-ubj", "model.ubj"),
  ONNX("onnx", "model.onnx");

  private final String id;
  private final String file;

  ModelFormat(String id, String file) {
    this.id = id;
    this.file = file;
  }

  public String id() {
    return id;
  }

  public String file() {
    return file;
  }

  /** The format named {@code id}; artifacts written before formats were recorded are Smile's. */
  public static ModelFormat of(String id) {
    if (id == null) {
      return JAVA_SERIALIZED;
    }
    return Arrays.stream(values())
        .filter(f -> f.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown model format '" + id + "'"));
  }
}
