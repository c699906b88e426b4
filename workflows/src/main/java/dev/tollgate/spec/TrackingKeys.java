package dev.tollgate.spec;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads {@code tracking}, strictly: {@code tracking: {mlflow: {uri, experiment, ...}}}. */
final class TrackingKeys {
  private TrackingKeys() {}

  /** {@code null} when the spec has no tracking section. */
  static TrackingSpec read(YamlSection s, String model, Task task) {
    if (s == null) return null;
    s.rejectUnknownKeys(Set.of("mlflow"));
    YamlSection m = s.section("mlflow", true);
    m.rejectUnknownKeys(Set.of("uri", "experiment", "registered_model", "beat_champion"));
    String uri = m.string("uri", true);
    if (!uri.startsWith("http://") && !uri.startsWith("https://")) {
      throw m.error(
          "uri", "expected the MLflow server's http:// or https:// address, got '" + uri + "'");
    }
    try {
      java.net.URI parsed = new java.net.URI(uri);
      if (parsed.getHost() == null) throw new java.net.URISyntaxException(uri, "no host");
    } catch (java.net.URISyntaxException e) {
      throw m.error("uri", "expected an address such as http://mlflow:5000, got '" + uri + "'");
    }
    String experiment = m.string("experiment", true);
    String registered = m.string("registered_model", false);
    TrackingSpec.Champion champion = champion(m.section("beat_champion", false), task);
    return new TrackingSpec(
        SpecValues.build(
            m,
            "uri",
            () ->
                new TrackingSpec.Mlflow(
                    uri, experiment, registered == null ? model : registered, champion)));
  }

  /** {@code beat_champion: {metrics: [rmse], tolerance: 0.02}}. */
  private static TrackingSpec.Champion champion(YamlSection c, Task task) {
    if (c == null) return null;
    c.rejectUnknownKeys(Set.of("metrics", "tolerance"));
    List<String> metrics = c.distinctStrings("metrics", true);
    if (metrics.isEmpty()) throw c.error("metrics", "expected at least one metric such as [rmse]");
    Set<String> known = TaskMetrics.of(task);
    for (int i = 0; i < metrics.size(); i++) {
      if (!known.contains(metrics.get(i))) {
        throw new SpecException(
            c.file(),
            c.key("metrics") + "[" + i + "]",
            "unknown metric for task "
                + task.name().toLowerCase(Locale.ROOT)
                + "; expected one of "
                + new java.util.TreeSet<>(known)
                + ", got '"
                + metrics.get(i)
                + "'");
      }
    }
    return new TrackingSpec.Champion(metrics, SpecValues.share(c, "tolerance", 0.0));
  }
}
