/**
 * Pure statistics for the validation gates, on primitive arrays and with no dependency on datasets,
 * trainers or Temporal: the two-sample Kolmogorov–Smirnov test (statistic and p-value as SciPy's
 * {@code ks_2samp}), the population stability index for numeric and categorical features, the
 * two-sample z-test of means, the chi-square test of homogeneity, the Bonferroni correction, and a
 * fused per-feature drift computation that does all numeric checks in a few linear passes.
 *
 * <p>Every number that SciPy also computes is checked against it: {@code
 * src/test/resources/fixtures/stats-reference.json}, written by {@code
 * src/test/python/make_stats_fixtures.py} (see docs/testing.md).
 */
package dev.tollgate.activities.stats;
