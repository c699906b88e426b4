package dev.tollgate.registry;

/**
 * What {@code tollgate models} asks the registry, through the worker (the CLI talks to Temporal
 * only, never to the database).
 *
 * @param model for SHOW and ALIAS
 * @param alias for ALIAS: the name to point
 * @param version for ALIAS: the version it points at
 * @param by for ALIAS: who, for the record
 */
public record RegistryRequest(Kind kind, String model, String alias, Integer version, String by) {
  public enum Kind {
    LIST,
    SHOW,
    ALIAS
  }

  public static RegistryRequest list() {
    return new RegistryRequest(Kind.LIST, null, null, null, null);
  }

  public static RegistryRequest show(String model) {
    return new RegistryRequest(Kind.SHOW, model, null, null, null);
  }
}
