package dev.tollgate.adapters.onnx;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tollgate's class indices against the model's probability columns. Tollgate numbers classes by
 * their sorted labels; a model's columns follow its own class order (scikit-learn's {@code
 * classes_}, recorded in the classifier node's {@code classlabels_*} attribute). When the model
 * records no labels (a network ending in softmax) its columns are taken in Tollgate's order.
 *
 * @param columnOf for Tollgate class {@code c}, the model's probability column
 * @param indexOfLabel a label as the model's label output writes it, to Tollgate's class index
 */
record OnnxClasses(int[] columnOf, Map<String, Integer> indexOfLabel) {

  static OnnxClasses match(List<String> modelLabels, List<String> classes) {
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < classes.size(); c++) {
      index.put(classes.get(c), c);
    }
    int[] columnOf = new int[classes.size()];
    if (modelLabels.isEmpty()) {
      for (int c = 0; c < columnOf.length; c++) columnOf[c] = c;
      return new OnnxClasses(columnOf, Map.copyOf(index));
    }
    if (modelLabels.size() != classes.size()) {
      throw new IllegalArgumentException(
          "it predicts "
              + modelLabels.size()
              + " classes but the data's target has "
              + classes.size()
              + ": train it on the same target");
    }
    long unknown = modelLabels.stream().filter(l -> !index.containsKey(l)).count();
    if (unknown > 0) {
      // Counts only: class labels are the data's values and stay out of messages.
      throw new IllegalArgumentException(
          unknown
              + " of its "
              + modelLabels.size()
              + " class labels are not values of the data's target: train it on the same"
              + " target, with the labels as they are in the data");
    }
    for (int column = 0; column < modelLabels.size(); column++) {
      columnOf[index.get(modelLabels.get(column))] = column;
    }
    return new OnnxClasses(columnOf, Map.copyOf(index));
  }
}
