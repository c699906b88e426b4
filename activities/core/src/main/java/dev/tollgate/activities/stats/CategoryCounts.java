package dev.tollgate.activities.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Aligned per-category counts of a reference and a current categorical sample, the input of {@link
 * ChiSquareHomogeneity} and {@link Psi#categorical}. Categories are the union of both samples in
 * sorted order, so a category new in the current data shows up with a reference count of 0.
 */
public record CategoryCounts(List<String> categories, long[] reference, long[] current) {

  public CategoryCounts {
    categories = List.copyOf(categories);
    reference = reference.clone();
    current = current.clone();
  }

  public static CategoryCounts of(String[] reference, String[] current) {
    Map<String, long[]> counts = new TreeMap<>();
    count(reference, 0, counts);
    count(current, 1, counts);
    List<String> names = new ArrayList<>(counts.keySet());
    long[] ref = new long[names.size()];
    long[] cur = new long[names.size()];
    for (int j = 0; j < names.size(); j++) {
      long[] c = counts.get(names.get(j));
      ref[j] = c[0];
      cur[j] = c[1];
    }
    return new CategoryCounts(names, ref, cur);
  }

  /** The same from counts already made, such as a stored reference's. */
  public static CategoryCounts of(Map<String, Long> reference, Map<String, Long> current) {
    TreeSet<String> names = new TreeSet<>(reference.keySet());
    names.addAll(current.keySet());
    long[] ref = new long[names.size()];
    long[] cur = new long[names.size()];
    int j = 0;
    for (String name : names) {
      ref[j] = reference.getOrDefault(name, 0L);
      cur[j] = current.getOrDefault(name, 0L);
      j++;
    }
    return new CategoryCounts(List.copyOf(names), ref, cur);
  }

  private static void count(String[] values, int side, Map<String, long[]> counts) {
    for (String v : values) {
      if (v == null) {
        throw new IllegalArgumentException("categories contain null; remove missing values first");
      }
      counts.computeIfAbsent(v, k -> new long[2])[side]++;
    }
  }

  @Override
  public long[] reference() {
    return reference.clone();
  }

  @Override
  public long[] current() {
    return current.clone();
  }
}
