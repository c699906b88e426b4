package dev.tollgate.spec;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Reads each section of the spec into its record; one method per section. */
final class SectionReaders {
  private SectionReaders() {}

  static <E extends Enum<E>> E enumValue(YamlSection s, String key, Class<E> type, E fallback) {
    String text = s.string(key, fallback == null);
    if (text == null) return fallback;
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names =
          java.util.Arrays.stream(type.getEnumConstants())
              .map(c -> c.name().toLowerCase(Locale.ROOT))
              .toList();
      throw s.error(key, "expected one of " + names + ", got '" + text + "'");
    }
  }

  /** Runs a record constructor; its own checks become errors on the section's key. */
  static <T> T build(YamlSection s, String key, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw s.error(key, e.getMessage());
    }
  }

  static DataSpec data(YamlSection s, Path baseDir, Task task) {
    s.rejectUnknownKeys(
        Set.of(
            "train",
            "target",
            "features",
            "min_rows",
            "max_age",
            "categorical",
            "timestamp",
            "missing",
            "max_classes",
            "max_bytes"));
    String train = datasetUri(s, "train", baseDir);
    String target = s.string("target", true);
    List<String> features = DataKeys.features(s, target);
    Integer minRows = s.integer("min_rows", false);
    Duration maxAge = s.duration("max_age", false);
    List<String> categorical = DataKeys.categorical(s, features);
    String timestamp = DataKeys.timestamp(s, target, features);
    MissingPolicy missing = enumValue(s, "missing", MissingPolicy.class, MissingPolicy.FAIL);
    Integer maxClasses = DataKeys.maxClasses(s, task);
    Long maxBytes = DataKeys.maxBytes(s);
    return build(
        s,
        "features",
        () ->
            new DataSpec(
                train,
                target,
                features,
                minRows == null ? 1 : minRows,
                maxAge,
                categorical,
                timestamp,
                missing,
                maxClasses,
                maxBytes));
  }

  /**
   * A dataset URI under {@code key} ({@code data.train}, {@code schedule.drift_data}): {@code
   * s3://} as written, {@code file:} resolved against the spec's folder; {@code null} when absent.
   */
  static String datasetUri(YamlSection s, String key, Path baseDir) {
    String text = s.string(key, key.equals("train"));
    if (text == null) return null;
    if (text.startsWith("s3://")) {
      if (text.length() <= 5 || !text.substring(5).contains("/")) {
        throw s.error(key, "expected s3://bucket/key, got '" + text + "'");
      }
      return text;
    }
    if (!text.startsWith("file:")) {
      throw s.error(key, "expected a file: or s3:// URI, got '" + text + "'");
    }
    String path = text.substring("file:".length());
    if (path.startsWith("//")) path = URI.create(text).getPath();
    Path p = Path.of(path);
    if (!p.isAbsolute()) p = (baseDir == null ? Path.of("") : baseDir).resolve(p);
    return p.toAbsolutePath().normalize().toUri().toString();
  }

  static TrainingSpec training(YamlSection s, Task task) {
    s.rejectUnknownKeys(Set.of("algorithm", "params", "seed", "holdout", "search", "stratify"));
    if (Algorithms.supported(task).isEmpty()) {
      throw new SpecException(
          s.file(),
          "task",
          "task "
              + task.name().toLowerCase(Locale.ROOT)
              + " has no trainer in this version yet; expected regression");
    }
    String choices =
        "expected one of "
            + new java.util.TreeSet<>(Algorithms.supported(task))
            + " for task "
            + task.name().toLowerCase(Locale.ROOT);
    // A missing algorithm lists the choices, as a wrong one does (not just "expected text").
    if (!s.has("algorithm")) throw s.error("algorithm", "missing; " + choices);
    String algorithm = s.string("algorithm", true);
    List<Algorithms.Param> allowed = Algorithms.params(task, algorithm);
    if (allowed == null) throw s.error("algorithm", choices + ", got '" + algorithm + "'");
    Map<String, Double> params = new HashMap<>();
    YamlSection p = s.section("params", false);
    if (p != null) {
      Set<String> names = new java.util.TreeSet<>();
      allowed.forEach(a -> names.add(a.name()));
      p.rejectUnknownKeys(names);
      for (Algorithms.Param a : allowed) {
        if (a.isChoice()) {
          String text = p.string(a.name(), false);
          if (text == null) continue;
          int index = a.indexOf(text);
          if (index < 0) {
            throw p.error(a.name(), "expected one of " + a.choices() + ", got '" + text + "'");
          }
          params.put(a.name(), (double) index);
          continue;
        }
        Double v = a.integer() ? toDouble(p.integer(a.name(), false)) : p.number(a.name(), false);
        if (v == null) continue;
        if (v < a.min() || v > a.max()) {
          throw p.error(
              a.name(),
              "expected a value from " + fmt(a.min()) + " to " + fmt(a.max()) + ", got " + fmt(v));
        }
        params.put(a.name(), v);
      }
    }
    Integer seed = s.integer("seed", false);
    Double holdout = s.number("holdout", false);
    if (holdout != null && !(holdout > 0 && holdout < 1)) {
      throw s.error("holdout", "expected a share between 0 and 1 such as 0.2, got " + holdout);
    }
    Boolean stratify = s.bool("stratify");
    if (Boolean.TRUE.equals(stratify) && task != Task.CLASSIFICATION) {
      throw s.error(
          "stratify",
          "only a classification holdout can be stratified (it keeps each class's share);"
              + " task is "
              + task.name().toLowerCase(Locale.ROOT));
    }
    YamlSection search = s.section("search", false);
    return new TrainingSpec(
        algorithm,
        params,
        seed == null ? 42 : seed,
        holdout == null ? 0.2 : holdout,
        search == null ? null : SearchReader.read(search, task, algorithm, TaskMetrics.of(task)),
        stratify);
  }

  static ValidationSpec validation(YamlSection s, Task task, DataSpec data) {
    if (s == null) return new ValidationSpec(Map.of(), null, null, null, null);
    s.rejectUnknownKeys(Set.of("thresholds", "baseline", "drift", "stability", "range", "quality"));
    Map<String, MetricBound> thresholds = new HashMap<>();
    YamlSection t = s.section("thresholds", false);
    if (t != null) {
      for (Iterator<String> it = t.keys(); it.hasNext(); ) {
        String metric = it.next();
        Set<String> known = TaskMetrics.of(task);
        if (!known.contains(metric)) {
          throw t.error(
              metric,
              "unknown metric for task "
                  + task.name().toLowerCase(Locale.ROOT)
                  + "; expected one of "
                  + new java.util.TreeSet<>(known));
        }
        YamlSection bound = t.section(metric, true);
        bound.rejectUnknownKeys(Set.of("min", "max"));
        Double min = metricBound(bound, metric, "min");
        Double max = metricBound(bound, metric, "max");
        thresholds.put(metric, build(t, metric, () -> new MetricBound(min, max)));
      }
    }
    Double tolerance = null;
    YamlSection b = s.section("baseline", false);
    if (b != null) {
      b.rejectUnknownKeys(Set.of("tolerance"));
      tolerance = share(b, "tolerance", 0.05);
    }
    ValidationSpec.DriftSpec drift = ValidationKeys.drift(s.section("drift", false));
    ValidationSpec.QualitySpec quality =
        ValidationKeys.quality(s.section("quality", false), data, task);
    if (task != Task.REGRESSION) {
      // Both judge the spread of predicted values: class indices and anomaly flags have none.
      for (String key : List.of("stability", "range")) {
        if (s.has(key)) throw s.error(key, "applies to task regression only; remove it");
      }
    }
    Double maxCv = null;
    YamlSection st = s.section("stability", false);
    if (st != null) {
      st.rejectUnknownKeys(Set.of("max_cv"));
      maxCv = positive(st, "max_cv", 0.5);
    }
    ValidationSpec.RangeSpec range = null;
    YamlSection r = s.section("range", false);
    if (r != null) {
      r.rejectUnknownKeys(Set.of("sigma", "max_outlier_share"));
      range =
          new ValidationSpec.RangeSpec(
              positive(r, "sigma", 3.0), share(r, "max_outlier_share", 0.05));
    }
    return new ValidationSpec(thresholds, tolerance, drift, maxCv, range, quality);
  }

  /** One end of a metric threshold, refused when no model could ever meet it or miss it. */
  private static Double metricBound(YamlSection bound, String metric, String end) {
    Double v = bound.number(end, false);
    String impossible = v == null ? null : TaskMetrics.impossible(metric, v);
    if (impossible != null) throw bound.error(end, impossible + ", got " + fmt(v));
    return v;
  }

  static ApprovalSpec approval(YamlSection s) {
    s.rejectUnknownKeys(
        Set.of(
            "approvers",
            "min_approvals",
            "timeout",
            "reminders",
            "on_timeout",
            "escalate",
            "require_identity"));
    List<String> approvers = s.distinctStrings("approvers", true);
    Integer min = s.integer("min_approvals", false);
    Duration timeout = s.duration("timeout", false);
    List<Duration> reminders = s.durations("reminders");
    ApprovalSpec.TimeoutAction onTimeout =
        enumValue(
            s, "on_timeout", ApprovalSpec.TimeoutAction.class, ApprovalSpec.TimeoutAction.REJECT);
    Duration effectiveTimeout = timeout == null ? Duration.ofHours(72) : timeout;
    int minApprovals = min == null ? 1 : min;
    if (approvers.isEmpty()) throw s.error("approvers", "expected at least one approver's name");
    if (minApprovals < 1 || minApprovals > approvers.size()) {
      throw s.error(
          "min_approvals",
          "expected 1 to the number of approvers (" + approvers.size() + "), got " + minApprovals);
    }
    for (int i = 0; i < reminders.size(); i++) {
      if (reminders.get(i).compareTo(effectiveTimeout) >= 0) {
        throw new SpecException(
            s.file(),
            s.key("reminders") + "[" + i + "]",
            "expected a reminder sooner than the timeout ("
                + Durations.format(effectiveTimeout)
                + "), got "
                + Durations.format(reminders.get(i)));
      }
    }
    List<ApprovalSpec.Escalation> escalate = escalations(s, approvers, effectiveTimeout);
    Boolean requireIdentity = s.bool("require_identity");
    return build(
        s,
        "approvers",
        () ->
            new ApprovalSpec(
                approvers,
                minApprovals,
                effectiveTimeout,
                reminders,
                onTimeout,
                escalate,
                Boolean.TRUE.equals(requireIdentity)));
  }

  /** {@code approval.escalate: [{after: 24h, to: [carol]}]}: sooner than the timeout, new names. */
  private static List<ApprovalSpec.Escalation> escalations(
      YamlSection s, List<String> approvers, Duration timeout) {
    if (!s.has("escalate")) return List.of();
    com.fasterxml.jackson.databind.JsonNode list = s.raw("escalate");
    if (!list.isArray())
      throw s.error("escalate", "expected a list such as [{after: 24h, to: [carol]}]");
    List<ApprovalSpec.Escalation> out = new java.util.ArrayList<>();
    List<String> named = new java.util.ArrayList<>(approvers);
    for (int i = 0; i < list.size(); i++) {
      String key = "escalate[" + i + "]";
      if (!list.get(i).isObject())
        throw s.error(key, "expected a mapping such as {after: 24h, to: [carol]}");
      YamlSection e = new YamlSection(s.file(), s.key(key), list.get(i));
      e.rejectUnknownKeys(Set.of("after", "to"));
      Duration after = e.duration("after", true);
      if (after.compareTo(timeout) >= 0) {
        throw e.error(
            "after",
            "expected sooner than the timeout ("
                + Durations.format(timeout)
                + "), got "
                + Durations.format(after));
      }
      List<String> to = e.distinctStrings("to", true);
      if (to.isEmpty()) throw e.error("to", "expected at least one name");
      for (int j = 0; j < to.size(); j++) {
        if (named.contains(to.get(j))) {
          throw new SpecException(
              s.file(), e.key("to") + "[" + j + "]", "'" + to.get(j) + "' is an approver already");
        }
        named.add(to.get(j));
      }
      out.add(new ApprovalSpec.Escalation(after, to));
    }
    return out;
  }

  static DeploySpec deploy(YamlSection s, Path baseDir) {
    if (s == null) return new DeploySpec(DeploySpec.Target.LOCAL, true, null);
    s.rejectUnknownKeys(Set.of("target", "rollback", "ecs", "canary", "environments"));
    DeploySpec.Target target =
        enumValue(s, "target", DeploySpec.Target.class, DeploySpec.Target.LOCAL);
    boolean onSmoke = true;
    Double onDegradation = null;
    DeploySpec.Watch watch = null;
    YamlSection r = s.section("rollback", false);
    if (r != null) {
      r.rejectUnknownKeys(
          Set.of("on_smoke_failure", "on_degradation", "watch", "check_every", "labelled_data"));
      Boolean b = r.bool("on_smoke_failure");
      onSmoke = b == null || b;
      onDegradation = r.has("on_degradation") ? share(r, "on_degradation", 0.2) : null;
      watch = DeployKeys.watch(r, onDegradation, baseDir);
    }
    DeploySpec.Ecs ecs = ecs(s, target);
    return new DeploySpec(
        target,
        onSmoke,
        onDegradation,
        ecs,
        DeployKeys.canary(s, target),
        watch,
        DeployKeys.environments(s, target, ecs));
  }

  static DeploySpec.Ecs ecs(YamlSection s, DeploySpec.Target target) {
    YamlSection e = s.section("ecs", false);
    if (target != DeploySpec.Target.ECS) {
      if (e != null)
        throw s.error("ecs", "applies to target: ecs only; remove it or set target: ecs");
      return null;
    }
    if (e == null) throw s.error("ecs", "missing; target ecs needs {cluster, service, url}");
    e.rejectUnknownKeys(Set.of("cluster", "service", "container", "url", "stable_timeout"));
    String url = e.string("url", true);
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw e.error("url", "expected the service's http:// or https:// address, got '" + url + "'");
    }
    if (!DeployKeys.hasHost(url)) {
      // e.g. a space in the host: the smoke test could not call it, so the deploy would not start
      throw e.error("url", "expected the service's http:// or https:// address with a host name");
    }
    return new DeploySpec.Ecs(
        e.string("cluster", true),
        e.string("service", true),
        e.string("container", false),
        url,
        e.duration("stable_timeout", false));
  }

  static NotifySpec notify(YamlSection s) {
    if (s == null) return new NotifySpec(null);
    s.rejectUnknownKeys(Set.of("slack", "on", "webhook"));
    List<String> on = s.distinctStrings("on", false);
    for (int i = 0; i < on.size(); i++) {
      if (!NotifySpec.EVENTS.contains(on.get(i))) {
        throw new SpecException(
            s.file(),
            s.key("on") + "[" + i + "]",
            "expected one of " + NotifySpec.EVENTS + ", got '" + on.get(i) + "'");
      }
    }
    String webhook = null;
    YamlSection w = s.section("webhook", false);
    if (w != null) {
      w.rejectUnknownKeys(Set.of("url"));
      webhook = w.string("url", true);
      if (!webhook.startsWith("https://") && !webhook.startsWith("http://")) {
        throw w.error("url", "expected an http:// or https:// URL, got '" + webhook + "'");
      }
    }
    YamlSection slack = s.section("slack", false);
    if (slack == null) return new NotifySpec(null, null, on, webhook);
    slack.rejectUnknownKeys(Set.of("channel", "approvers"));
    Map<String, String> approvers = new java.util.LinkedHashMap<>();
    YamlSection a = slack.section("approvers", false);
    if (a != null) {
      for (Iterator<String> it = a.keys(); it.hasNext(); ) {
        String user = it.next();
        if (!user.matches("[UW][A-Z0-9]{2,20}")) {
          throw a.error(user, "expected a Slack user id such as U024BE7LH as the key");
        }
        approvers.put(user, a.string(user, true));
      }
    }
    return new NotifySpec(slack.string("channel", true), approvers, on, webhook);
  }

  static Double share(YamlSection s, String key, double fallback) {
    Double v = s.number(key, false);
    if (v == null) return fallback;
    if (v < 0 || v > 1) throw s.error(key, "expected a share from 0 to 1 such as 0.05, got " + v);
    return v;
  }

  static Double positive(YamlSection s, String key, double fallback) {
    Double v = s.number(key, false);
    if (v == null) return fallback;
    if (v <= 0) throw s.error(key, "expected a positive number, got " + v);
    return v;
  }

  private static Double toDouble(Integer i) {
    return i == null ? null : i.doubleValue();
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
