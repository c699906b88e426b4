package dev.tollgate.registry;

import dev.tollgate.policy.Voucher;

/**
 * What {@code tollgate models} asks the registry, through the worker (the CLI talks to Temporal
 * only, never to the database).
 *
 * @param model for SHOW and ALIAS
 * @param alias for ALIAS: the name to point
 * @param version for ALIAS: the version it points at
 * @param by for ALIAS: who, for the record; a claim unless {@code voucher} vouches for it
 * @param voucher for ALIAS: a worker's seal on {@code by}, or {@code null}
 */
public record RegistryRequest(
    Kind kind, String model, String alias, Integer version, String by, Voucher voucher) {
  public enum Kind {
    LIST,
    SHOW,
    ALIAS
  }

  /** Without a voucher: a claimed name. */
  public RegistryRequest(Kind kind, String model, String alias, Integer version, String by) {
    this(kind, model, alias, version, by, null);
  }

  public static RegistryRequest list() {
    return new RegistryRequest(Kind.LIST, null, null, null, null);
  }

  public static RegistryRequest show(String model) {
    return new RegistryRequest(Kind.SHOW, model, null, null, null);
  }

  /** What a seal on an ALIAS covers besides the action, model and name. */
  public static String aliasDetail(String alias, Integer version) {
    return alias + "=v" + version;
  }
}
