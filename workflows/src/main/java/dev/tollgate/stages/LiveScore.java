package dev.tollgate.stages;

/** A deployed version's metric on newly labelled rows ({@code value} NaN when undefined). */
public record LiveScore(String metric, double value, int rows) {}
