package dev.tollgate.guardian;

/** {@code tollgate schedule trigger MODEL --by NAME --reason TEXT}. */
public record TriggerRequest(String by, String reason) {}
