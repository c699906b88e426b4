package dev.tollgate.activities.models;

import java.io.Serializable;

/**
 * A node of an (extended) isolation tree: an inner node splits on the hyperplane {@code normal · x
 * < bias}; a leaf holds the path length its rows are credited with.
 *
 * @param normal the hyperplane's normal; {@code null} for a leaf
 * @param depth for a leaf, its depth plus c(rows left in it), the expected further path length of
 *     an unbuilt subtree
 */
public record IsolationNode(
    double[] normal, double bias, IsolationNode left, IsolationNode right, double depth)
    implements Serializable {

  public static IsolationNode leaf(double depth) {
    return new IsolationNode(null, 0, null, null, depth);
  }

  /** The path length of {@code x}: how soon this tree isolates it. */
  public double path(double[] x) {
    IsolationNode node = this;
    while (node.normal != null) {
      double dot = 0;
      for (int j = 0; j < x.length; j++) {
        dot += node.normal[j] * x[j];
      }
      node = dot < node.bias ? node.left : node.right;
    }
    return node.depth;
  }

  /**
   * c(n): the average path length of an unsuccessful search in a binary search tree of {@code n}
   * keys, which normalises path lengths (Liu, Ting and Zhou, 2008).
   */
  public static double averagePath(int n) {
    if (n <= 1) {
      return 0;
    }
    if (n == 2) {
      return 1;
    }
    double harmonic = Math.log(n - 1.0) + 0.5772156649015329; // H(n−1) ≈ ln(n−1) + γ
    return 2 * harmonic - 2.0 * (n - 1) / n;
  }
}
