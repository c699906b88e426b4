package dev.tollgate.policy;

/**
 * Which policy a run's approval gate is held to: the model's, for the environment the gate guards
 * (the last of {@code deploy.environments}, else {@value #PRODUCTION}).
 */
public record PolicyQuery(String model, String environment) {
  public static final String PRODUCTION = "production";
}
