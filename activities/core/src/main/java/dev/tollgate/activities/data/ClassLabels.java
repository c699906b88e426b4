package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a classification target into class indices. The classes are sorted, so the same labels
 * always get the same indices whatever the row order: numerically when every label is a number
 * ({@code 2} before {@code 10}), otherwise as text.
 *
 * @param classes the labels, index {@code i} is class {@code i}
 * @param y each row's class index, as a double (the shape of {@link Dataset#y()})
 */
record ClassLabels(List<String> classes, double[] y) {

  /**
   * @param maxClasses {@code data.max_classes}: more distinct labels than this are refused before
   *     anything trains on them
   */
  static ClassLabels of(RawColumn target, String source, int maxClasses) {
    int[] codes = target.codes();
    boolean[] present = new boolean[target.seen().size()];
    for (int code : codes) present[code] = true;
    List<String> classes = new ArrayList<>();
    for (int code = 0; code < present.length; code++) {
      if (present[code]) classes.add(target.seen().get(code));
    }
    if (classes.size() > maxClasses) throw tooMany(target.name, source, classes, maxClasses);
    classes.sort(order(classes));
    if (classes.size() < 2) {
      throw Failures.invalidData(
          source
              + " column "
              + target.name
              + ": classification needs at least two classes, every row is "
              + dev.tollgate.activities.Echo.value(classes.getFirst()));
    }
    int[] index = new int[present.length];
    for (int code = 0; code < present.length; code++) {
      index[code] = present[code] ? classes.indexOf(target.seen().get(code)) : -1;
    }
    double[] y = new double[codes.length];
    for (int row = 0; row < codes.length; row++) y[row] = index[codes[row]];
    return new ClassLabels(List.copyOf(classes), y);
  }

  private static RuntimeException tooMany(
      String column, String source, List<String> classes, int maxClasses) {
    boolean numbers = classes.stream().allMatch(ClassLabels::isNumber);
    return Failures.invalidData(
        String.format(
            java.util.Locale.ROOT,
            "%s column %s: %,d distinct values in a classification target, more than"
                + " data.max_classes (%d)%s; if %s is a quantity to predict, use task: regression;"
                + " if it really has that many classes, raise data.max_classes",
            source,
            column,
            classes.size(),
            maxClasses,
            numbers ? ", all of them numbers" : "",
            column));
  }

  private static Comparator<String> order(List<String> labels) {
    boolean numbers = labels.stream().allMatch(ClassLabels::isNumber);
    Comparator<String> text = Comparator.naturalOrder();
    return numbers ? Comparator.comparingDouble(Double::parseDouble).thenComparing(text) : text;
  }

  private static boolean isNumber(String label) {
    try {
      return Double.isFinite(Double.parseDouble(label));
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
