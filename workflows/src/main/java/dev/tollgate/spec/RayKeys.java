package dev.tollgate.spec;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the keys of {@code training.runner: ray}: {@code address}, {@code entrypoint_num_cpus},
 * {@code entrypoint_num_gpus} and {@code runtime_env} ({@code pip} or {@code requirements}, and
 * {@code env_vars}). Only the text is checked here; whether this worker reaches that address and
 * allows those CPUs, GPUs and packages is the worker's decision when the stage runs.
 */
final class RayKeys {
  static final Set<String> KEYS =
      Set.of("address", "entrypoint_num_cpus", "entrypoint_num_gpus", "runtime_env");
  static final double MAX_CPUS = 1024;
  static final double MAX_GPUS = 256;
  static final int MAX_PIP = 100;
  private static final int MAX_ADDRESS = 500;

  private RayKeys() {}

  /** The Ray keys of a {@code runner: ray} spec; {@code requirements} resolve against workdir. */
  static RaySpec read(YamlSection s, Path workdir, Path specDir, Map<String, String> env) {
    Double cpus = amount(s, "entrypoint_num_cpus", MAX_CPUS, "CPUs");
    Double gpus = amount(s, "entrypoint_num_gpus", MAX_GPUS, "GPUs");
    YamlSection runtime = s.section("runtime_env", false);
    if (runtime == null) return new RaySpec(address(s), cpus, gpus, List.of(), null, Map.of());
    if (runtime.has("working_dir")) {
      throw runtime.error(
          "working_dir",
          "set by Tollgate: training.workdir is shipped as the job's working folder");
    }
    runtime.rejectUnknownKeys(Set.of("pip", "requirements", "env_vars"));
    if (runtime.has("pip") && runtime.has("requirements")) {
      throw runtime.error(
          "requirements", "pip or requirements, not both: list the packages in one place");
    }
    List<String> pip = pip(runtime);
    String requirements =
        runtime.has("requirements")
            ? SpecPaths.inside(runtime, "requirements", workdir, specDir).toString()
            : null;
    Map<String, String> vars = CommandValueKeys.env(runtime.section("env_vars", false));
    for (String name : vars.keySet()) {
      if (env.containsKey(name)) {
        throw runtime.error(
            "env_vars." + name,
            "also set in training.env; set it in one place (both reach the job)");
      }
    }
    return new RaySpec(address(s), cpus, gpus, pip, requirements, vars);
  }

  /** The Ray keys a spec without {@code runner: ray} must not have. */
  static void rejectWithoutRay(YamlSection s, String why) {
    for (String key : new String[] {"address", "entrypoint_num_cpus", "entrypoint_num_gpus"}) {
      if (s.has(key)) throw s.error(key, "only for runner: ray; " + why);
    }
    if (s.has("runtime_env")) throw s.error("runtime_env", "only for runner: ray; " + why);
  }

  /**
   * The Jobs API's URL ({@code http://ray-head:8265}): http or https, a host and a port, nothing
   * else that changes where or as whom the worker connects (no user-info, query or fragment).
   */
  private static String address(YamlSection s) {
    String text = s.string("address", false);
    if (text == null) return null;
    String expected = "expected the Ray dashboard's URL such as http://ray-head:8265";
    if (text.length() > MAX_ADDRESS) {
      throw s.error("address", expected + ", got " + text.length() + " characters");
    }
    if (text.contains("@")) {
      // the value is not shown: user:password@ would be a password in the error
      throw s.error(
          "address",
          "must not carry credentials (user:password@); the worker's own settings authenticate"
              + " to the cluster, never the spec");
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw s.error("address", expected + ", got '" + SpecValues.shown(text) + "'");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw s.error("address", expected + " (http or https), got '" + SpecValues.shown(text) + "'");
    }
    if (uri.getHost() == null || uri.getPort() < 1) {
      throw s.error(
          "address", expected + " (a host and a port), got '" + SpecValues.shown(text) + "'");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw s.error(
          "address", expected + " (no ?query or #fragment), got '" + SpecValues.shown(text) + "'");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String kept = scheme + "://" + uri.getRawAuthority() + path;
    return kept.endsWith("/") ? kept.substring(0, kept.length() - 1) : kept;
  }

  private static Double amount(YamlSection s, String key, double max, String what) {
    Double v = s.number(key, false);
    if (v != null && !(v >= 0 && v <= max)) {
      throw s.error(
          key,
          "expected a number of "
              + what
              + " from 0 to "
              + SpecValues.fmt(max)
              + " such as 1 or 0.5, got "
              + SpecValues.fmt(v));
    }
    return v;
  }

  private static List<String> pip(YamlSection runtime) {
    if (!runtime.has("pip")) return List.of();
    List<String> items = runtime.strings("pip", true);
    if (items.isEmpty()) {
      throw runtime.error("pip", "expected at least one requirement, or leave pip out");
    }
    if (items.size() > MAX_PIP) {
      throw runtime.error("pip", "at most " + MAX_PIP + " requirements, got " + items.size());
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String problem = PipRequirement.problem(items.get(i));
      if (problem != null) {
        throw new SpecException(runtime.file(), runtime.key("pip") + "[" + i + "]", problem);
      }
      out.add(items.get(i).strip());
    }
    runtime.refuseRepeats("pip", out, String::valueOf);
    return out;
  }
}
