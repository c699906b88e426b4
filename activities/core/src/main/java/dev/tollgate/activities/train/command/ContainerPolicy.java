package dev.tollgate.activities.train.command;

import dev.tollgate.spec.ContainerSpec;
import java.util.Locale;
import java.util.Set;

/**
 * What this worker allows a training container (the operator's settings, {@code
 * tollgate.training.containers.*}): the spec asks, the worker decides, and a spec may only ask for
 * less. A network the worker does not list, more CPUs or memory than its caps, or GPUs where it
 * gives none is refused naming the key and the setting; a spec that asks for no limit gets the
 * worker's cap.
 *
 * @param networks the networks a spec may ask for ({@code none} always; {@code host} only when
 *     listed)
 * @param maxCpus the most CPUs a container may have; {@code null}: no cap
 * @param maxMemoryBytes the most memory a container may have; {@code null}: no cap
 * @param gpus whether a spec may ask for GPUs
 * @param pull whether a missing image is pulled
 */
public record ContainerPolicy(
    Set<String> networks, Double maxCpus, Long maxMemoryBytes, boolean gpus, Pull pull) {

  /** When the worker pulls an image. */
  public enum Pull {
    /** Never: only images already on the host run (the operator builds or pulls them). */
    NEVER,
    /** When the image is not on the host. */
    MISSING;

    /** {@code never} or {@code missing}, any case. */
    public static Pull parse(String text) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "tollgate.training.containers.pull: expected never or missing, got '" + text + "'");
      }
    }
  }

  /** What a container gets: the spec's asks within the worker's caps. */
  public record Limits(Double cpus, Long memoryBytes, String gpus, String network) {}

  /** A spec asking for more than the worker allows. */
  public static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  public ContainerPolicy {
    networks =
        networks == null || networks.isEmpty()
            ? Set.of(ContainerSpec.NO_NETWORK)
            : Set.copyOf(networks.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList());
    for (String n : networks) {
      if (!n.equals("none") && !n.equals("host")) {
        throw new IllegalArgumentException(
            "tollgate.training.containers.networks: expected none and/or host, got '" + n + "'");
      }
    }
    if (maxCpus != null && !(maxCpus > 0)) {
      throw new IllegalArgumentException("tollgate.training.containers.max-cpus must be positive");
    }
    if (maxMemoryBytes != null && maxMemoryBytes <= 0) {
      throw new IllegalArgumentException(
          "tollgate.training.containers.max-memory must be positive");
    }
    if (pull == null) pull = Pull.NEVER;
  }

  /** The defaults: network none only, no caps, no GPUs, never pull. */
  public static ContainerPolicy defaults() {
    return new ContainerPolicy(Set.of(ContainerSpec.NO_NETWORK), null, null, false, Pull.NEVER);
  }

  /** The spec's asks within this worker's rules, or {@link Refused} naming the key. */
  public Limits limits(ContainerSpec spec) {
    if (!networks.contains(spec.network())) {
      throw new Refused(
          "training.network: "
              + spec.network()
              + " is not allowed on this worker (it allows "
              + String.join(", ", new java.util.TreeSet<>(networks))
              + "; setting tollgate.training.containers.networks)");
    }
    if (spec.cpus() != null && maxCpus != null && spec.cpus() > maxCpus) {
      throw new Refused(
          "training.cpus: "
              + plain(spec.cpus())
              + " is more than this worker allows ("
              + plain(maxCpus)
              + "; setting tollgate.training.containers.max-cpus)");
    }
    if (spec.memoryBytes() != null
        && maxMemoryBytes != null
        && spec.memoryBytes() > maxMemoryBytes) {
      throw new Refused(
          "training.memory: "
              + mib(spec.memoryBytes())
              + " is more than this worker allows ("
              + mib(maxMemoryBytes)
              + "; setting tollgate.training.containers.max-memory)");
    }
    if (spec.gpus() != null && !gpus) {
      throw new Refused(
          "training.gpus: this worker gives containers no GPUs (setting"
              + " tollgate.training.containers.gpus); route the run with training.task_queue to a"
              + " GPU worker");
    }
    return new Limits(
        spec.cpus() != null ? spec.cpus() : maxCpus,
        spec.memoryBytes() != null ? spec.memoryBytes() : maxMemoryBytes,
        spec.gpus(),
        spec.network());
  }

  static String mib(long bytes) {
    return bytes % (1L << 30) == 0 ? (bytes >> 30) + "g" : (bytes >> 20) + "m";
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
