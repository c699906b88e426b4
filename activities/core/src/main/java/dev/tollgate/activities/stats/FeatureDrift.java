package dev.tollgate.activities.stats;

/** The numeric drift statistics of one feature, reference vs current. */
public record FeatureDrift(KsResult ks, PsiResult psi, ZTestResult zTest) {}
