package dev.tollgate.adapters.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.tollgate.activities.models.ModelContract;
import dev.tollgate.activities.models.ModelFormat;
import dev.tollgate.activities.models.ModelRuntime;
import dev.tollgate.activities.models.Predictor;

/**
 * Core's {@link ModelRuntime} for ONNX, registered in {@code META-INF/services}. Checks a model
 * before anything scores it, in the order a person fixes an export: the file is there, its IR
 * version and opsets are loadable, ONNX Runtime loads it, its inputs take the spec's features, its
 * outputs answer the task. Each refusal says what is wrong and how to export it right.
 */
public final class OnnxModelRuntime implements ModelRuntime {

  @Override
  public ModelFormat format() {
    return ModelFormat.ONNX;
  }

  @Override
  public Predictor load(byte[] bytes, ModelContract contract) {
    if (bytes == null || bytes.length == 0) {
      throw new IllegalArgumentException("the ONNX file is empty");
    }
    OnnxHeader header = OnnxHeader.read(bytes);
    OnnxVersions.check(header);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession session = open(env, bytes);
    try {
      OnnxInputs inputs = OnnxInputs.check(session.getInputInfo(), contract.features());
      OnnxOutputs outputs = OnnxOutputs.check(session.getOutputInfo(), contract);
      OnnxClasses classes =
          contract.isClassification()
              ? OnnxClasses.match(header.classLabels(), contract.classes())
              : null;
      return new OnnxModel(env, session, inputs, outputs, classes, contract.isAnomaly(), bytes);
    } catch (OrtException | RuntimeException e) {
      closeQuietly(session);
      if (e instanceof RuntimeException runtime) throw runtime;
      throw new IllegalArgumentException("ONNX Runtime cannot describe it: " + e.getMessage(), e);
    }
  }

  private static OrtSession open(OrtEnvironment env, byte[] bytes) {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      // One thread per call: the parallelism is the concurrent requests (serving) or the stages,
      // as for XGBoost's serving boosters; a thread pool per session only adds contention.
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      return env.createSession(bytes, options);
    } catch (OrtException e) {
      throw new IllegalArgumentException("ONNX Runtime cannot load it: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(OrtSession session) {
    try {
      session.close();
    } catch (OrtException ignored) {
      // Already failing with the reason the model was refused; that is the message to keep.
    }
  }
}
