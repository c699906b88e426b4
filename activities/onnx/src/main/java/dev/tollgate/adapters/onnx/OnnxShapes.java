package dev.tollgate.adapters.onnx;

import ai.onnxruntime.MapInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;

/** How inputs and outputs are described in messages: shapes with N for a free dimension. */
final class OnnxShapes {
  private OnnxShapes() {}

  static String describe(long[] shape) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < shape.length; i++) {
      if (i > 0) out.append(", ");
      out.append(shape[i] < 0 ? "N" : Long.toString(shape[i]));
    }
    return out.append(']').toString();
  }

  /** "a float tensor [N, 4]", "a sequence of maps", ... */
  static String kind(NodeInfo node) {
    return switch (node.getInfo()) {
      case TensorInfo t -> "a " + t.type.name().toLowerCase() + " tensor " + describe(t.getShape());
      case SequenceInfo s -> s.sequenceOfMaps ? "a sequence of maps" : "a sequence";
      case MapInfo m -> "a map";
      default -> "of an unsupported kind";
    };
  }

  /** The width of {@code [N]} (1) or {@code [N, k]} (k, or -1 when free); -2 for other ranks. */
  static long width(TensorInfo tensor) {
    long[] shape = tensor.getShape();
    if (shape.length == 1) return 1;
    if (shape.length == 2) return shape[1];
    return -2;
  }
}
