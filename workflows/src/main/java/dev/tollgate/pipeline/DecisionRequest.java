package dev.tollgate.pipeline;

/** An approver's decision as sent by the CLI: approve or reject, by whom, and why. */
public record DecisionRequest(boolean approve, String by, String comment) {}
