package dev.tollgate.spec;

import java.time.Duration;
import java.util.Set;

/** Reads {@code deploy.canary} and the degradation watch of {@code deploy.rollback}. */
final class DeployKeys {
  private DeployKeys() {}

  static DeploySpec.Canary canary(YamlSection s, DeploySpec.Target target) {
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

  /** {@code watch} needs {@code on_degradation}; {@code check_every} defaults to a sixth of it. */
  static DeploySpec.Watch watch(YamlSection r, Double onDegradation, java.nio.file.Path baseDir) {
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
    return new DeploySpec.Watch(
        window, every, SectionReaders.datasetUri(r, "labelled_data", baseDir));
  }
}
