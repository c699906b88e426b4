package dev.tollgate.spec;

/**
 * {@code training.runner: container}: the training command runs in a container made from {@code
 * image} (docs/training-contract.md, "In a container"). The limits are what the spec asks for; the
 * worker decides what it allows (its networks, its caps on CPUs and memory, GPUs or not) and a spec
 * may only ask for less.
 *
 * @param image the image, as the container engine names it ({@code team/churn-trainer:3}, or a
 *     digest)
 * @param cpus how many CPUs the container may use (fractions allowed); {@code null}: the worker's
 *     cap, else no limit
 * @param memoryBytes the container's memory limit in bytes; {@code null}: the worker's cap, else no
 *     limit
 * @param gpus {@code all} or a count, as {@code docker run --gpus}; {@code null}: no GPU
 * @param network {@code none} (the default: no network at all) or {@code host}
 */
public record ContainerSpec(
    String image, Double cpus, Long memoryBytes, String gpus, String network) {

  public static final String NO_NETWORK = "none";

  public ContainerSpec {
    if (image == null || image.isBlank()) throw new IllegalArgumentException("image is required");
    network = network == null ? NO_NETWORK : network;
  }
}
