package dev.tollgate.adapters.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.models.Matrices;
import dev.tollgate.activities.models.ModelFormat;
import dev.tollgate.activities.models.Predictions;
import dev.tollgate.activities.models.Predictor;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loaded ONNX model: one ONNX Runtime session, made once and reused by every call (a session's
 * {@code run} is thread-safe, so concurrent serving requests share it), closed with the model.
 */
final class OnnxModel implements Predictor {
  /**
   * Sessions loaded and not yet closed in this JVM: what a leak would show (tests, later a gauge).
   */
  private static final AtomicInteger OPEN = new AtomicInteger();

  private final OrtEnvironment env;
  private final OrtSession session;
  private final OnnxInputs inputs;
  private final OnnxOutputs outputs;
  private final OnnxClasses classes; // null unless classification
  private final boolean anomaly;
  private final byte[] bytes;
  private volatile boolean closed;

  OnnxModel(
      OrtEnvironment env,
      OrtSession session,
      OnnxInputs inputs,
      OnnxOutputs outputs,
      OnnxClasses classes,
      boolean anomaly,
      byte[] bytes) {
    this.env = env;
    this.session = session;
    this.inputs = inputs;
    this.outputs = outputs;
    this.classes = classes;
    this.anomaly = anomaly;
    this.bytes = bytes.clone();
    OPEN.incrementAndGet();
  }

  static int openSessions() {
    return OPEN.get();
  }

  @Override
  public Predictions predict(Dataset data, int[] rows) {
    if (closed) throw new IllegalStateException("the ONNX model was closed");
    Map<String, OnnxTensor> feed = new HashMap<>();
    try {
      feed(data, rows, feed);
      try (OrtSession.Result result = session.run(feed)) {
        Predictions predictions =
            classes == null
                ? OnnxAnswers.values(tensor(result, outputs.values()), rows.length, anomaly)
                : OnnxAnswers.classes(
                    tensor(result, outputs.probabilities()),
                    outputs.labels() == null ? null : tensor(result, outputs.labels()),
                    rows.length,
                    classes);
        OnnxAnswers.refuseNaN(predictions, data.source());
        return predictions;
      }
    } catch (OrtException e) {
      throw new IllegalStateException(
          "ONNX Runtime cannot score " + data.source() + ": " + e.getMessage(), e);
    } finally {
      feed.values().forEach(OnnxTensor::close);
    }
  }

  /** The rows as the model takes them: one [N, width] tensor, or one [N, 1] per feature. */
  private void feed(Dataset data, int[] rows, Map<String, OnnxTensor> feed) throws OrtException {
    int width = data.features().size();
    if (!inputs.perFeature()) {
      float[] x = Matrices.rowMajor(data, rows);
      long[] shape = {rows.length, width};
      feed.put(inputs.names().getFirst(), OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape));
      return;
    }
    for (String name : inputs.names()) {
      int j = data.features().indexOf(name);
      float[] column = new float[rows.length];
      for (int i = 0; i < rows.length; i++) column[i] = (float) data.columns()[j][rows[i]];
      feed.put(
          name,
          OnnxTensor.createTensor(env, FloatBuffer.wrap(column), new long[] {rows.length, 1}));
    }
  }

  private static OnnxValue tensor(OrtSession.Result result, String name) {
    return result
        .get(name)
        .orElseThrow(() -> new IllegalStateException("the model gave no output '" + name + "'"));
  }

  @Override
  public ModelFormat format() {
    return ModelFormat.ONNX;
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    OPEN.decrementAndGet();
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime could not close a session: " + e, e);
    }
  }
}
