package dev.tollgate.spec;

import java.util.List;
import java.util.Map;

/**
 * {@code training.runner: ray}: the training command runs as a Ray job on a cluster, submitted
 * through the Jobs REST API (docs/training-contract.md, "On a Ray cluster"). What the spec asks for
 * is checked by the worker: the address must be one the worker allows (its default when the spec
 * names none), and CPUs, GPUs and pip packages only within the worker's caps.
 *
 * @param address the Ray dashboard's URL ({@code http://host:8265}); {@code null}: the worker's
 *     default
 * @param entrypointNumCpus CPUs reserved for the entrypoint ({@code null}: Ray's default, none)
 * @param entrypointNumGpus GPUs reserved for the entrypoint ({@code null}: none)
 * @param pip {@code runtime_env.pip}: packages Ray installs for the job (empty: none)
 * @param requirements {@code runtime_env.requirements}: a requirements file, absolute, resolved
 *     against {@code workdir} and inside the spec's folder; its lines become the job's pip list;
 *     {@code null} when none
 * @param envVars {@code runtime_env.env_vars}: plain values only, as {@code training.env}
 */
public record RaySpec(
    String address,
    Double entrypointNumCpus,
    Double entrypointNumGpus,
    List<String> pip,
    String requirements,
    Map<String, String> envVars) {

  public RaySpec {
    pip = List.copyOf(pip);
    envVars = Map.copyOf(envVars);
    if (!pip.isEmpty() && requirements != null) {
      throw new IllegalArgumentException("runtime_env: pip or requirements, not both");
    }
  }
}
