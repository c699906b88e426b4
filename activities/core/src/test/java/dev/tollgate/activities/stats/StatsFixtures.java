package dev.tollgate.activities.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;

/**
 * The SciPy/scikit-learn reference values in {@code fixtures/stats-reference.json}, written by
 * {@code src/test/python/make_stats_fixtures.py}, and the one tolerance rule every test applies.
 * Public so that metric tests in other packages can use the same file and rule.
 */
public final class StatsFixtures {
  /** The bar: within 1e-6, relative where values are large. */
  public static final double TOLERANCE = 1e-6;

  private static final JsonNode ROOT = load();

  private StatsFixtures() {}

  /** The cases of one section of the fixture file (e.g. {@code "ks_2samp"}). */
  public static List<JsonNode> cases(String section) {
    JsonNode node = ROOT.get(section);
    assertThat(node).as("fixture section %s", section).isNotNull();
    return StreamSupport.stream(node.spliterator(), false).toList();
  }

  /** One dynamic test per named case, so a failure names the case. */
  public static Stream<DynamicTest> each(String section, Consumer<JsonNode> test) {
    return cases(section).stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    section + ": " + (c.has("name") ? c.get("name").asText() : c.toString()),
                    () -> test.accept(c)));
  }

  public static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  public static long[] longs(JsonNode array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asLong();
    }
    return out;
  }

  public static int[] ints(JsonNode array) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asInt();
    }
    return out;
  }

  /** {@code |actual − expected| ≤ 1e-6 · max(1, |expected|)}. */
  public static void assertClose(String what, double actual, double expected) {
    assertThat(Math.abs(actual - expected))
        .as("%s: %s vs reference %s", what, actual, expected)
        .isLessThanOrEqualTo(TOLERANCE * Math.max(1, Math.abs(expected)));
  }

  /**
   * For probabilities, stricter than {@link #assertClose}: also within 1e-6 relative, so that a
   * p-value of 1e-9 is not "equal" to 0 (a Bonferroni threshold can sit down there). Below 1e-250
   * SciPy's and this code's results may be denormal or 0, so only the absolute rule applies.
   */
  public static void assertProbability(String what, double actual, double expected) {
    assertClose(what, actual, expected);
    if (expected > 1e-250) {
      assertThat(Math.abs(actual - expected) / expected)
          .as("%s: %s vs reference %s (relative)", what, actual, expected)
          .isLessThanOrEqualTo(TOLERANCE);
    }
  }

  private static JsonNode load() {
    try (InputStream in =
        StatsFixtures.class.getResourceAsStream("/fixtures/stats-reference.json")) {
      if (in == null) {
        throw new IllegalStateException(
            "fixtures/stats-reference.json is not on the test classpath");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
