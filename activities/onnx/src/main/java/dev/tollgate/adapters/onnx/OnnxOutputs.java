package dev.tollgate.adapters.onnx;

import ai.onnxruntime.MapInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import dev.tollgate.activities.models.ModelContract;
import java.util.List;
import java.util.Map;

/**
 * Which outputs answer the task. Regression: a float tensor {@code [N]} or {@code [N, 1]} of
 * values. Classification: a probability tensor {@code [N, classes]}, and the predicted labels
 * (int64 or string) when the model has them, so that Tollgate's prediction is the model's own
 * decision. Anomaly: a float score tensor {@code [N]} or {@code [N, 1]}.
 *
 * @param values regression's values or anomaly's scores; {@code null} for classification
 * @param labels the label output, or {@code null}
 * @param probabilities the probability output, or {@code null}
 */
record OnnxOutputs(String values, String labels, String probabilities) {

  static OnnxOutputs check(Map<String, NodeInfo> outputs, ModelContract contract) {
    for (NodeInfo output : outputs.values()) {
      if (output.getInfo() instanceof SequenceInfo || output.getInfo() instanceof MapInfo) {
        // scikit-learn's converters wrap probabilities in ZipMap by default: a list of
        // {class: p} maps per row, slow to read and not a tensor.
        throw new IllegalArgumentException(
            "its output '"
                + output.getName()
                + "' is "
                + OnnxShapes.kind(output)
                + " (scikit-learn's ZipMap); convert with zipmap=False"
                + " (skl2onnx: options={'zipmap': False}) to get a probability tensor");
      }
    }
    if (!contract.isClassification()) {
      String preferred = contract.isAnomaly() ? "scores" : "variable";
      String name =
          outputs.containsKey(preferred) && isValueTensor(outputs.get(preferred))
              ? preferred
              : outputs.values().stream()
                  .filter(OnnxOutputs::isValueTensor)
                  .map(NodeInfo::getName)
                  .findFirst()
                  .orElseThrow(
                      () ->
                          missing(
                              outputs,
                              contract.task()
                                  + " needs a float tensor"
                                  + " [N] or [N, 1] of "
                                  + (contract.isAnomaly() ? "scores" : "values")));
      return new OnnxOutputs(name, null, null);
    }
    int classes = contract.classCount();
    String probabilities =
        outputs.values().stream()
            .filter(o -> isTensor(o, OnnxJavaType.FLOAT) || isTensor(o, OnnxJavaType.DOUBLE))
            .filter(o -> ((TensorInfo) o.getInfo()).getShape().length == 2)
            .filter(o -> width(o) == classes || width(o) == -1)
            .map(NodeInfo::getName)
            .findFirst()
            .orElseThrow(
                () ->
                    missing(
                        outputs,
                        "classification with "
                            + classes
                            + " classes needs a probability tensor [N, "
                            + classes
                            + "]"));
    String labels =
        outputs.values().stream()
            .filter(o -> isTensor(o, OnnxJavaType.INT64) || isTensor(o, OnnxJavaType.STRING))
            .filter(o -> width(o) == 1)
            .map(NodeInfo::getName)
            .findFirst()
            .orElse(null);
    return new OnnxOutputs(null, labels, probabilities);
  }

  private static boolean isValueTensor(NodeInfo output) {
    return (isTensor(output, OnnxJavaType.FLOAT) || isTensor(output, OnnxJavaType.DOUBLE))
        && (width(output) == 1 || width(output) == -1);
  }

  private static boolean isTensor(NodeInfo output, OnnxJavaType type) {
    return output.getInfo() instanceof TensorInfo t && t.type == type;
  }

  private static long width(NodeInfo output) {
    return OnnxShapes.width((TensorInfo) output.getInfo());
  }

  private static IllegalArgumentException missing(Map<String, NodeInfo> outputs, String need) {
    List<String> found =
        outputs.values().stream().map(o -> "'" + o.getName() + "' " + OnnxShapes.kind(o)).toList();
    return new IllegalArgumentException(
        "its outputs do not fit the task: " + need + ", and it has " + String.join(", ", found));
  }
}
