package dev.tollgate.activities.train.ray;

import dev.tollgate.spec.RaySpec;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What this worker allows a Ray job (the operator's settings, {@code tollgate.training.ray.*}): the
 * spec asks, the worker decides, and a spec may only ask for less. An address the worker does not
 * list, more entrypoint CPUs or GPUs than its caps, or pip packages where it allows none is refused
 * naming the key and the setting.
 *
 * @param defaultAddress the cluster a spec without {@code address} goes to
 * @param allowedAddresses the clusters a spec may name (the default always among them)
 * @param python the nodes' Python that runs the launcher ({@code python})
 * @param maxEntrypointCpus the most {@code entrypoint_num_cpus}; {@code null}: no cap
 * @param maxEntrypointGpus the most {@code entrypoint_num_gpus}; {@code null}: no cap
 * @param pipAllowed whether a spec's {@code runtime_env} may install pip packages on the nodes
 * @param outageGrace how long an unreachable cluster is retried before the attempt fails
 * @param maxPackageBytes the most the job's working-directory zip may weigh
 * @param maxResultBytes the most the model and output folders the job uploads may weigh together
 */
public record RayPolicy(
    String defaultAddress,
    Set<String> allowedAddresses,
    String python,
    Double maxEntrypointCpus,
    Double maxEntrypointGpus,
    boolean pipAllowed,
    Duration outageGrace,
    long maxPackageBytes,
    long maxResultBytes) {

  public static final long DEFAULT_PACKAGE_BYTES = 100L << 20;
  public static final long DEFAULT_RESULT_BYTES = 2L << 30;

  /** A spec asking for more than the worker allows. */
  public static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  /** What a job gets: the spec's asks within the worker's rules. */
  public record Resolved(String address, Double numCpus, Double numGpus, List<String> pip) {}

  public RayPolicy {
    defaultAddress = normal(Objects.requireNonNull(defaultAddress, "defaultAddress"));
    TreeSet<String> allowed = new TreeSet<>();
    if (allowedAddresses != null) allowedAddresses.forEach(a -> allowed.add(normal(a)));
    allowed.add(defaultAddress);
    allowedAddresses = Set.copyOf(allowed);
    for (String a : allowedAddresses) {
      if (!a.startsWith("http://") && !a.startsWith("https://")) {
        throw new IllegalArgumentException(
            "tollgate.training.ray.allowed-addresses: expected http(s)://host:port, got '"
                + a
                + "'");
      }
    }
    if (python == null || python.isBlank()) python = "python";
    if (outageGrace == null) outageGrace = Duration.ofSeconds(60);
    if (maxPackageBytes <= 0) maxPackageBytes = DEFAULT_PACKAGE_BYTES;
    if (maxResultBytes <= 0) maxResultBytes = DEFAULT_RESULT_BYTES;
  }

  /** The address as compared: no trailing slash, scheme and host in lower case. */
  static String normal(String address) {
    String a = address.strip();
    while (a.endsWith("/")) a = a.substring(0, a.length() - 1);
    int path = a.indexOf('/', a.indexOf("://") + 3);
    String authority = path < 0 ? a : a.substring(0, path);
    return authority.toLowerCase(Locale.ROOT) + (path < 0 ? "" : a.substring(path));
  }

  /**
   * The spec's asks within this worker's rules, or {@link Refused} naming the key.
   *
   * @param requirementLines the lines of {@code runtime_env.requirements}, already read; empty
   */
  public Resolved resolve(RaySpec spec, List<String> requirementLines) {
    String address = spec.address() == null ? defaultAddress : normal(spec.address());
    if (!allowedAddresses.contains(address)) {
      throw new Refused(
          "training.address: "
              + address
              + " is not a Ray cluster this worker may use (it allows "
              + String.join(", ", new TreeSet<>(allowedAddresses))
              + "; setting tollgate.training.ray.allowed-addresses)");
    }
    cap("entrypoint_num_cpus", spec.entrypointNumCpus(), maxEntrypointCpus, "max-entrypoint-cpus");
    cap("entrypoint_num_gpus", spec.entrypointNumGpus(), maxEntrypointGpus, "max-entrypoint-gpus");
    List<String> pip = spec.pip().isEmpty() ? requirementLines : spec.pip();
    if (!pip.isEmpty() && !pipAllowed) {
      throw new Refused(
          "training.runtime_env: this worker does not let a spec install pip packages on the Ray"
              + " nodes (setting tollgate.training.ray.pip-allowed); install them on the nodes, or"
              + " ask the operator");
    }
    return new Resolved(address, spec.entrypointNumCpus(), spec.entrypointNumGpus(), pip);
  }

  private static void cap(String key, Double asked, Double max, String setting) {
    if (asked != null && max != null && asked > max) {
      throw new Refused(
          "training."
              + key
              + ": "
              + plain(asked)
              + " is more than this worker allows ("
              + plain(max)
              + "; setting tollgate.training.ray."
              + setting
              + ")");
    }
  }

  static String plain(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
