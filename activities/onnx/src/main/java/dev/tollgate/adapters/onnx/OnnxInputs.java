package dev.tollgate.adapters.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.TensorInfo;
import java.util.List;
import java.util.Map;

/**
 * How the model takes the spec's features: one float tensor {@code [N, width]} with the features in
 * the spec's order (what skl2onnx and onnxmltools export from a matrix), or one {@code [N, 1]}
 * tensor per feature named after it (what a DataFrame-fed pipeline exports).
 *
 * @param names the single input's name, or the per-feature input names in feature order
 */
record OnnxInputs(List<String> names, boolean perFeature) {

  static OnnxInputs check(Map<String, NodeInfo> inputs, List<String> features) {
    int width = features.size();
    if (inputs.size() == 1) {
      NodeInfo only = inputs.values().iterator().next();
      TensorInfo tensor = floatTensor(only);
      long[] shape = tensor.getShape();
      long last = shape.length == 0 ? -1 : shape[shape.length - 1];
      if (shape.length != 2 || (last >= 0 && last != width)) {
        throw new IllegalArgumentException(
            "its input '"
                + only.getName()
                + "' has shape "
                + OnnxShapes.describe(shape)
                + " but the spec has "
                + width
                + " features, so it must take [N, "
                + width
                + "] (or one [N, 1] input per feature, named after it)");
      }
      return new OnnxInputs(List.of(only.getName()), false);
    }
    if (inputs.size() != width || !inputs.keySet().containsAll(features)) {
      List<String> missing = features.stream().filter(f -> !inputs.containsKey(f)).toList();
      throw new IllegalArgumentException(
          "it has "
              + inputs.size()
              + " inputs "
              + inputs.keySet()
              + " but the spec has "
              + width
              + " features; with more than one input there must be one per feature, named after"
              + " it"
              + (missing.isEmpty() ? "" : " (none is named " + missing + ")"));
    }
    for (String feature : features) {
      long[] shape = floatTensor(inputs.get(feature)).getShape();
      if (shape.length != 2 || (shape[1] >= 0 && shape[1] != 1)) {
        throw new IllegalArgumentException(
            "its input '"
                + feature
                + "' has shape "
                + OnnxShapes.describe(shape)
                + "; a per-feature input must be [N, 1]");
      }
    }
    return new OnnxInputs(features, true);
  }

  private static TensorInfo floatTensor(NodeInfo input) {
    if (!(input.getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT) {
      throw new IllegalArgumentException(
          "its input '"
              + input.getName()
              + "' is "
              + OnnxShapes.kind(input)
              + " but Tollgate feeds float tensors (export with FloatTensorType)");
    }
    return tensor;
  }
}
