package dev.tollgate.spec;

import java.time.Duration;
import java.util.Set;

/**
 * Reads {@code deploy}: the target, rollback and its degradation watch, the canary and the
 * environments deployed one after the other.
 */
final class DeployKeys {
  private DeployKeys() {}

  static DeploySpec read(YamlSection s, java.nio.file.Path baseDir) {
    if (s == null) return new DeploySpec(DeploySpec.Target.LOCAL, true, null);
    s.rejectUnknownKeys(Set.of("target", "rollback", "ecs", "canary", "environments"));
    DeploySpec.Target target =
        SpecValues.enumValue(s, "target", DeploySpec.Target.class, DeploySpec.Target.LOCAL);
    boolean onSmoke = true;
    Double onDegradation = null;
    DeploySpec.Watch watch = null;
    YamlSection r = s.section("rollback", false);
    if (r != null) {
      r.rejectUnknownKeys(
          Set.of("on_smoke_failure", "on_degradation", "watch", "check_every", "labelled_data"));
      Boolean b = r.bool("on_smoke_failure");
      onSmoke = b == null || b;
      onDegradation = r.has("on_degradation") ? SpecValues.share(r, "on_degradation", 0.2) : null;
      watch = watch(r, onDegradation, baseDir);
    }
    DeploySpec.Ecs ecs = EcsKeys.read(s, target);
    return new DeploySpec(
        target,
        onSmoke,
        onDegradation,
        ecs,
        canary(s, target),
        watch,
        environments(s, target, ecs));
  }

  private static DeploySpec.Canary canary(YamlSection s, DeploySpec.Target target) {
    YamlSection c = s.section("canary", false);
    if (c == null) return null;
    if (target != DeploySpec.Target.LOCAL) {
      throw s.error("canary", "applies to target: local only (an ECS service is one revision)");
    }
    c.rejectUnknownKeys(Set.of("percent", "bake"));
    Integer percent = c.integer("percent", true);
    if (percent < 1 || percent > 99) {
      throw c.error("percent", "expected a whole number from 1 to 99, got " + percent);
    }
    return new DeploySpec.Canary(percent, c.duration("bake", true));
  }

  private static final java.util.regex.Pattern NAME =
      java.util.regex.Pattern.compile("[a-z][a-z0-9-]{0,30}");

  /**
   * {@code deploy.environments: [{name: staging, approval: none}, {name: production}]}: every one
   * but the last deployed before the approval gate (so {@code approval: none}), the last behind it;
   * each with its own {@code target} and {@code ecs} (default: the deploy section's, for the last;
   * local for the others).
   */
  private static java.util.List<DeploySpec.Environment> environments(
      YamlSection s, DeploySpec.Target target, DeploySpec.Ecs ecs) {
    if (!s.has("environments")) return java.util.List.of();
    com.fasterxml.jackson.databind.JsonNode list = s.raw("environments");
    if (!list.isArray() || list.isEmpty()) {
      throw s.error(
          "environments",
          "expected a list such as [{name: staging, approval: none}, {name: production}]");
    }
    java.util.List<DeploySpec.Environment> out = new java.util.ArrayList<>();
    java.util.List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String key = "environments[" + i + "]";
      if (!list.get(i).isObject())
        throw s.error(key, "expected a mapping such as {name: staging, approval: none}");
      YamlSection e = new YamlSection(s.file(), s.key(key), list.get(i));
      e.rejectUnknownKeys(Set.of("name", "approval", "target", "ecs"));
      String name = e.string("name", true);
      if (!NAME.matcher(name).matches()) {
        throw e.error(
            "name", "expected lower-case letters, digits and '-' (max 31), got '" + name + "'");
      }
      if (names.contains(name)) throw e.error("name", "'" + name + "' is listed twice");
      names.add(name);
      boolean last = i == list.size() - 1;
      String given = e.string("approval", false);
      String approval = given == null ? null : given.strip().toLowerCase(java.util.Locale.ROOT);
      if (approval != null && !approval.equals("none") && !approval.equals("required")) {
        throw e.error("approval", "expected none or required (any case), got '" + given + "'");
      }
      boolean required = approval == null ? last : approval.equals("required");
      if (required != last) {
        throw e.error(
            "approval",
            last
                ? "the last environment is production: it is behind the approval gate (required)"
                : "only the last environment waits for approval; those before it are none");
      }
      DeploySpec.Target t =
          SpecValues.enumValue(
              e, "target", DeploySpec.Target.class, last ? target : DeploySpec.Target.LOCAL);
      DeploySpec.Ecs envEcs =
          e.has("ecs") || t != DeploySpec.Target.ECS || !last ? EcsKeys.read(e, t) : ecs;
      out.add(new DeploySpec.Environment(name, required, t, envEcs));
    }
    return out;
  }

  /** {@code watch} needs {@code on_degradation}; {@code check_every} defaults to a sixth of it. */
  private static DeploySpec.Watch watch(
      YamlSection r, Double onDegradation, java.nio.file.Path baseDir) {
    Duration window = r.duration("watch", false);
    Duration every = r.duration("check_every", false);
    if (window == null) {
      for (String key : new String[] {"check_every", "labelled_data"}) {
        if (r.has(key))
          throw r.error(key, "applies with rollback.watch; add watch: 1h or remove it");
      }
      return null;
    }
    if (onDegradation == null) {
      throw r.error("watch", "watches for degradation: set rollback.on_degradation too, e.g. 0.2");
    }
    if (every == null) every = window.dividedBy(6);
    if (every.compareTo(Duration.ofMinutes(1)) < 0 || every.compareTo(window) > 0) {
      throw r.error(
          "check_every",
          "expected 1m up to the watch ("
              + Durations.format(window)
              + "), got "
              + Durations.format(every));
    }
    return new DeploySpec.Watch(window, every, SpecValues.datasetUri(r, "labelled_data", baseDir));
  }
}
