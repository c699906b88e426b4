package dev.tollgate.activities.serving;

import java.util.List;
import java.util.Locale;

/**
 * Which served names one serving process answers for: every pointer under the home (the worker's
 * in-process serving), or one environment's ({@code tollgate serve --env}), optionally narrowed to
 * named models ({@code --models}). A name outside the scope is not served here (404) even when its
 * pointer exists: a production server never answers a staging model, and the reverse.
 *
 * @param environment {@code null} = every name
 * @param models the models assigned by name (served names, e.g. {@code a.staging}); empty = every
 *     one the environment has a pointer for
 */
public record ServingScope(Environment environment, List<String> models) {

  /** The two environments a {@code tollgate serve} serves: their served-name convention. */
  public enum Environment {
    /** The model's own name: {@code energy-load}. */
    PRODUCTION,
    /** {@code energy-load.staging}, as the deploy stage writes a staging environment's pointer. */
    STAGING;

    static final String STAGING_SUFFIX = ".staging";

    /** The name {@code model} is served under in this environment. */
    public String servedName(String model) {
      return this == STAGING ? model + STAGING_SUFFIX : model;
    }

    boolean covers(String servedName) {
      return (this == STAGING) == servedName.endsWith(STAGING_SUFFIX);
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public ServingScope {
    models = models == null ? List.of() : List.copyOf(models);
  }

  /** Every pointer under the home: the worker's in-process serving. */
  public static ServingScope all() {
    return new ServingScope(null, List.of());
  }

  /** {@code env}'s served names of {@code models} (model names; empty = all of the environment). */
  public static ServingScope of(Environment env, List<String> models) {
    return new ServingScope(
        env, models == null ? List.of() : models.stream().map(env::servedName).toList());
  }

  /** Whether {@code servedName} is answered here. */
  public boolean covers(String servedName) {
    if (!models.isEmpty()) return models.contains(servedName);
    return environment == null || environment.covers(servedName);
  }

  /**
   * Whether {@code servedName} was assigned by name, so its absence is a fault (503), not a 404.
   */
  public boolean assignedByName(String servedName) {
    return models.contains(servedName);
  }

  /** The models this process must have loaded to be ready: named ones, else those with pointers. */
  public List<String> assigned(List<String> withPointers) {
    return models.isEmpty() ? withPointers.stream().filter(this::covers).toList() : models;
  }

  /** "production", "staging" or "every environment", for messages. */
  public String describe() {
    return environment == null ? "every environment" : environment.label();
  }
}
