package dev.tollgate.stages;

/** Points {@code alias} of {@code model} at {@code version}, on record as {@code by}'s. */
public record AliasRequest(String model, String alias, int version, String by) {}
