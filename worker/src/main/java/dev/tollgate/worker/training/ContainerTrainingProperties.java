package dev.tollgate.worker.training;

import dev.tollgate.activities.train.command.ContainerPolicy;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tollgate.training.containers.*}: whether this worker runs {@code training.runner:
 * container}, with which docker, and what it allows a container (docs/training-contract.md, "In a
 * container"). The spec asks; these decide.
 *
 * @param enabled run training containers (TOLLGATE_TRAINING_CONTAINERS, {@code tollgate worker
 *     --training-containers}); off by default and independent of {@code commands-enabled}: an image
 *     is still code from the spec's author, run by the worker's container engine
 * @param docker the docker CLI (TOLLGATE_TRAINING_DOCKER, a name on PATH or a path)
 * @param dockerHost the daemon (TOLLGATE_TRAINING_DOCKER_HOST); empty: the worker's DOCKER_HOST,
 *     else docker's default socket
 * @param networks the networks a spec may ask for (TOLLGATE_TRAINING_CONTAINER_NETWORKS): none, and
 *     host only when listed
 * @param maxCpus the most CPUs a container may have, and what one gets that asks for no limit
 *     (TOLLGATE_TRAINING_CONTAINER_MAX_CPUS; 0: no cap)
 * @param maxMemory the most memory, such as 8g (TOLLGATE_TRAINING_CONTAINER_MAX_MEMORY; empty: no
 *     cap)
 * @param gpus whether a spec may ask for GPUs (TOLLGATE_TRAINING_CONTAINER_GPUS)
 * @param pull never (only images on the host run) or missing (TOLLGATE_TRAINING_CONTAINER_PULL)
 */
@ConfigurationProperties("tollgate.training.containers")
public record ContainerTrainingProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("docker") String docker,
    @DefaultValue("") String dockerHost,
    @DefaultValue("none") List<String> networks,
    @DefaultValue("0") double maxCpus,
    @DefaultValue("") String maxMemory,
    @DefaultValue("false") boolean gpus,
    @DefaultValue("never") String pull) {

  private static final Pattern SIZE = Pattern.compile("(\\d{1,12})([kmgt]?)b?");

  public ContainerTrainingProperties {
    if (docker == null || docker.isBlank()) docker = "docker";
    if (maxCpus < 0) {
      throw new IllegalArgumentException("tollgate.training.containers.max-cpus must be 0 or more");
    }
    policyOf(networks, maxCpus, maxMemory, gpus, pull); // refuses bad values at start
  }

  /** The worker's rules for its containers. */
  public ContainerPolicy policy() {
    return policyOf(networks, maxCpus, maxMemory, gpus, pull);
  }

  private static ContainerPolicy policyOf(
      List<String> networks, double maxCpus, String maxMemory, boolean gpus, String pull) {
    List<String> named =
        networks == null
            ? List.of()
            : networks.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
    java.util.Set<String> allowed = new HashSet<>(named);
    allowed.add("none");
    return new ContainerPolicy(
        allowed,
        maxCpus > 0 ? maxCpus : null,
        bytes(maxMemory),
        gpus,
        ContainerPolicy.Pull.parse(pull == null ? "never" : pull));
  }

  /** {@code 512m}, {@code 8g}, {@code 8GB}; null when empty. */
  static Long bytes(String size) {
    if (size == null || size.isBlank()) return null;
    Matcher m = SIZE.matcher(size.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "tollgate.training.containers.max-memory: expected a size such as 8g, got '"
              + size
              + "'");
    }
    int shift =
        switch (m.group(2)) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          case "t" -> 40;
          default -> 0;
        };
    return Long.parseLong(m.group(1)) << shift;
  }
}
