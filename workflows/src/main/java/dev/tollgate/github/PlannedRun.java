package dev.tollgate.github;

import dev.tollgate.spec.PipelineSpec;

/**
 * An affected spec that parses at the delivery's commit.
 *
 * @param specPath the spec's path in the repository ({@code specs/energy.yaml}): the commit
 *     status's context is {@code tollgate/<specPath>}
 * @param spec parsed from the checkout, its relative paths resolved inside it
 */
public record PlannedRun(String specPath, PipelineSpec spec) {}
