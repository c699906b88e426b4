package dev.tollgate.spec;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code training.runner} and, for {@code runner: container}, the container's keys: {@code
 * image} (required), {@code cpus}, {@code memory}, {@code gpus} and {@code network}. Only the text
 * is checked here; whether this worker allows what the spec asks (containers at all, the network,
 * the limits) is the worker's decision when the stage runs.
 */
final class ContainerKeys {
  static final Set<String> KEYS = Set.of("runner", "image", "cpus", "memory", "gpus", "network");
  static final Set<String> NETWORKS = Set.of("none", "host");
  static final Set<String> RUNNERS = Set.of("command", "container", "ray");

  // A reference as docker accepts it: [registry[:port]/]path[:tag][@digest], no spaces or options.
  private static final Pattern IMAGE =
      Pattern.compile(
          "[a-z0-9][a-z0-9._/:-]{0,254}(@sha256:[a-f0-9]{64})?", Pattern.CASE_INSENSITIVE);
  private static final Pattern MEMORY = Pattern.compile("(\\d+)([kmgt]?)b?");
  private static final Pattern GPUS = Pattern.compile("all|[1-9][0-9]{0,2}");

  private ContainerKeys() {}

  /**
   * {@code training.runner}, folded to lower case: {@code command} (the default), {@code container}
   * or {@code ray} ({@link RayKeys}).
   */
  static String runner(YamlSection s) {
    String runner = s.string("runner", false);
    if (runner == null) return "command";
    String folded = runner.strip().toLowerCase(Locale.ROOT);
    if (!RUNNERS.contains(folded)) {
      throw s.error("runner", "expected command, container or ray, got '" + shown(runner) + "'");
    }
    return folded;
  }

  /** The container's keys of a {@code runner: container} spec. */
  static ContainerSpec read(YamlSection s) {
    String image = s.string("image", false);
    if (image == null) {
      throw s.error(
          "image", "missing; runner: container needs the image to run, such as team/trainer:1");
    }
    if (!IMAGE.matcher(image).matches() || image.contains("//") || image.endsWith(":")) {
      throw s.error(
          "image",
          "expected an image reference such as team/trainer:1 or registry:5000/trainer@sha256:…,"
              + " got '"
              + shown(image)
              + "'");
    }
    Double cpus = s.number("cpus", false);
    if (cpus != null && !(cpus > 0 && cpus <= 1024)) {
      throw s.error("cpus", "expected a positive number of CPUs such as 2 or 0.5, got " + cpus);
    }
    return new ContainerSpec(image, cpus, memory(s), gpus(s), network(s));
  }

  /** The runner-only keys a spec without {@code runner: container} must not have. */
  static void rejectWithoutContainer(YamlSection s, String why) {
    for (String key : new String[] {"image", "cpus", "memory", "gpus", "network"}) {
      if (s.has(key)) throw s.error(key, "only with runner: container; " + why);
    }
  }

  private static Long memory(YamlSection s) {
    String given = s.string("memory", false);
    if (given == null) return null;
    String text = given.toLowerCase(Locale.ROOT);
    Matcher m = MEMORY.matcher(text);
    if (!m.matches() || m.group(1).length() > 15) {
      throw s.error("memory", "expected a size such as 512m or 4g, got '" + shown(text) + "'");
    }
    long n = Long.parseLong(m.group(1));
    int shift =
        switch (m.group(2)) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          case "t" -> 40;
          default -> 0;
        };
    if (n == 0 || n > (Long.MAX_VALUE >> shift)) {
      throw s.error("memory", "expected a size such as 512m or 4g, got '" + shown(text) + "'");
    }
    long bytes = n << shift;
    // Docker refuses less than 6 MB; say so here rather than when the stage runs.
    if (bytes < 6L << 20) throw s.error("memory", "at least 6m, got '" + shown(text) + "'");
    return bytes;
  }

  private static String gpus(YamlSection s) {
    String given = s.string("gpus", false);
    if (given == null) return null;
    String text = given.toLowerCase(Locale.ROOT);
    if (!GPUS.matcher(text).matches()) {
      throw s.error(
          "gpus", "expected all or a number of GPUs such as 1, got '" + shown(text) + "'");
    }
    return text;
  }

  private static String network(YamlSection s) {
    String network = s.string("network", false);
    if (network == null) return ContainerSpec.NO_NETWORK;
    String folded = network.strip().toLowerCase(Locale.ROOT);
    if (!NETWORKS.contains(folded)) {
      throw s.error("network", "expected none or host, got '" + shown(network) + "'");
    }
    return folded;
  }

  private static String shown(String text) {
    return SpecValues.shown(text);
  }
}
