package dev.tollgate.stages;

/** Whether the deployed model answered sensibly, in one line. */
public record SmokeTestResult(boolean passed, int rowsScored, String message) {}
