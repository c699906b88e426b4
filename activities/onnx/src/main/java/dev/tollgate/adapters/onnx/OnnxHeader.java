package dev.tollgate.adapters.onnx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an ONNX file says about itself before any runtime loads it: the IR version, the opset of
 * each operator domain, and the class labels of its classifier node (scikit-learn's {@code
 * classes_} order, which is the order of the probability columns).
 *
 * @param classLabels the labels of the first node carrying {@code classlabels_strings} or {@code
 *     classlabels_int64s} (as text), or empty when none does (e.g. a network ending in softmax)
 */
record OnnxHeader(long irVersion, Map<String, Long> opsets, List<String> classLabels) {
  // ModelProto, OperatorSetIdProto, GraphProto, NodeProto and AttributeProto field numbers
  // (onnx/onnx.proto3).
  private static final int MODEL_IR_VERSION = 1, MODEL_GRAPH = 7, MODEL_OPSET_IMPORT = 8;
  private static final int OPSET_DOMAIN = 1, OPSET_VERSION = 2;
  private static final int GRAPH_NODE = 1, NODE_ATTRIBUTE = 5;
  private static final int ATTR_NAME = 1, ATTR_INTS = 8, ATTR_STRINGS = 9;

  /** The default domain's name: ONNX writes it as "" and sometimes as "ai.onnx". */
  static final String DEFAULT_DOMAIN = "ai.onnx";

  static OnnxHeader read(byte[] bytes) {
    long[] ir = {0};
    Map<String, Long> opsets = new LinkedHashMap<>();
    List<String> labels = new ArrayList<>();
    new ProtoFields(bytes)
        .forEach(
            (number, field) -> {
              switch (number) {
                case MODEL_IR_VERSION -> ir[0] = field.varint();
                case MODEL_OPSET_IMPORT -> opset(field.message(), opsets);
                case MODEL_GRAPH -> {
                  if (labels.isEmpty()) labels.addAll(classLabels(field.message()));
                }
                default -> {}
              }
            });
    if (ir[0] == 0) {
      throw new IllegalArgumentException("it is not an ONNX model (it records no IR version)");
    }
    return new OnnxHeader(ir[0], Map.copyOf(opsets), List.copyOf(labels));
  }

  private static void opset(ProtoFields message, Map<String, Long> opsets) {
    String[] domain = {""};
    long[] version = {0};
    message.forEach(
        (n, f) -> {
          if (n == OPSET_DOMAIN) domain[0] = f.string();
          if (n == OPSET_VERSION) version[0] = f.varint();
        });
    String name = domain[0].isEmpty() ? DEFAULT_DOMAIN : domain[0];
    opsets.merge(name, version[0], Math::max); // skl2onnx may list a domain twice
  }

  private static List<String> classLabels(ProtoFields graph) {
    List<String> found = new ArrayList<>();
    graph.forEach(
        (n, node) -> {
          if (n == GRAPH_NODE && found.isEmpty()) {
            node.message()
                .forEach(
                    (m, attribute) -> {
                      if (m == NODE_ATTRIBUTE && found.isEmpty()) {
                        found.addAll(labelsOf(attribute.message()));
                      }
                    });
          }
        });
    return found;
  }

  /** The labels in a {@code classlabels_strings} or {@code classlabels_int64s} attribute. */
  private static List<String> labelsOf(ProtoFields attribute) {
    String[] name = {""};
    List<String> strings = new ArrayList<>();
    List<String> ints = new ArrayList<>();
    attribute.forEach(
        (n, f) -> {
          if (n == ATTR_NAME) name[0] = f.string();
          if (n == ATTR_STRINGS) strings.add(f.string());
          if (n == ATTR_INTS) {
            // repeated int64: packed (one length-delimited field) or one varint per value.
            if (f.message() != null) {
              for (long v : f.message().packedVarints()) ints.add(Long.toString(v));
            } else {
              ints.add(Long.toString(f.varint()));
            }
          }
        });
    return switch (name[0]) {
      case "classlabels_strings" -> strings;
      case "classlabels_int64s" -> ints;
      default -> List.of();
    };
  }
}
