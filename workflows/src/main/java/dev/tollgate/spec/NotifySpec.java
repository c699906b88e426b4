package dev.tollgate.spec;

/**
 * Where people hear about a run. Secrets (Slack token, webhook) come from the environment, never
 * from the spec.
 *
 * @param slackChannel {@code null} when the spec has no Slack section
 */
public record NotifySpec(String slackChannel) {}
