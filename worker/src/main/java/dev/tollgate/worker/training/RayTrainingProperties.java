package dev.tollgate.worker.training;

import dev.tollgate.activities.train.ray.RayPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code tollgate.training.ray.*}: whether this worker submits {@code training.runner: ray} as Ray
 * jobs, to which clusters, through which staging store, and what it allows a job
 * (docs/training-contract.md, "On a Ray cluster"). The spec asks; these decide.
 *
 * @param enabled submit Ray jobs (TOLLGATE_TRAINING_RAY, {@code tollgate worker --training-ray});
 *     off by default and independent of commands and containers: the job is the spec's code, run on
 *     the cluster
 * @param address the Ray dashboard (Jobs API) a spec without {@code address} goes to
 *     (TOLLGATE_RAY_ADDRESS, {@code --ray-address})
 * @param allowedAddresses the clusters a spec may name (TOLLGATE_RAY_ALLOWED_ADDRESSES,
 *     comma-separated); empty: only {@code address}
 * @param staging where a job's inputs and results go, reached by every node: {@code
 *     s3://bucket/prefix}, {@code file:PATH} or an absolute path all nodes mount
 *     (TOLLGATE_RAY_STAGING); empty: the worker's artifact store
 * @param python the nodes' Python that runs the launcher (TOLLGATE_RAY_PYTHON)
 * @param maxEntrypointCpus the most {@code entrypoint_num_cpus} (TOLLGATE_RAY_MAX_ENTRYPOINT_CPUS;
 *     0: no cap)
 * @param maxEntrypointGpus the most {@code entrypoint_num_gpus} (TOLLGATE_RAY_MAX_ENTRYPOINT_GPUS;
 *     0: no cap)
 * @param pipAllowed whether a spec's {@code runtime_env} may install pip packages on the nodes
 *     (TOLLGATE_RAY_PIP_ALLOWED)
 * @param outageGrace how long an unreachable cluster is asked again before the attempt fails for a
 *     retry (TOLLGATE_RAY_OUTAGE_GRACE)
 * @param maxPackageBytes the most the job's code zip may weigh (TOLLGATE_RAY_MAX_PACKAGE_BYTES)
 * @param maxResultBytes the most the model and output folders may weigh together
 *     (TOLLGATE_RAY_MAX_RESULT_BYTES)
 */
@ConfigurationProperties("tollgate.training.ray")
public record RayTrainingProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("http://127.0.0.1:8265") String address,
    @DefaultValue("") List<String> allowedAddresses,
    @DefaultValue("") String staging,
    @DefaultValue("python") String python,
    @DefaultValue("0") double maxEntrypointCpus,
    @DefaultValue("0") double maxEntrypointGpus,
    @DefaultValue("false") boolean pipAllowed,
    @DefaultValue("60s") Duration outageGrace,
    @DefaultValue("100MB") DataSize maxPackageBytes,
    @DefaultValue("1GB") DataSize maxResultBytes) {

  public RayTrainingProperties {
    allowedAddresses =
        allowedAddresses == null
            ? List.of()
            : allowedAddresses.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
    if (maxEntrypointCpus < 0 || maxEntrypointGpus < 0) {
      throw new IllegalArgumentException(
          "tollgate.training.ray.max-entrypoint-cpus and -gpus must be 0 (no cap) or more");
    }
    if (outageGrace == null || outageGrace.isNegative()) {
      throw new IllegalArgumentException("tollgate.training.ray.outage-grace must be zero or more");
    }
    // refuses a bad address at start (the fields are not set yet: the parameters)
    policyOf(
        address,
        allowedAddresses,
        python,
        maxEntrypointCpus,
        maxEntrypointGpus,
        pipAllowed,
        outageGrace,
        maxPackageBytes,
        maxResultBytes);
  }

  /** The worker's rules for its Ray jobs. */
  public RayPolicy policy() {
    return policyOf(
        address,
        allowedAddresses,
        python,
        maxEntrypointCpus,
        maxEntrypointGpus,
        pipAllowed,
        outageGrace,
        maxPackageBytes,
        maxResultBytes);
  }

  private static RayPolicy policyOf(
      String address,
      List<String> allowedAddresses,
      String python,
      double maxEntrypointCpus,
      double maxEntrypointGpus,
      boolean pipAllowed,
      Duration outageGrace,
      DataSize maxPackageBytes,
      DataSize maxResultBytes) {
    return new RayPolicy(
        address,
        Set.copyOf(allowedAddresses),
        python,
        maxEntrypointCpus > 0 ? maxEntrypointCpus : null,
        maxEntrypointGpus > 0 ? maxEntrypointGpus : null,
        pipAllowed,
        outageGrace,
        maxPackageBytes == null ? 0 : maxPackageBytes.toBytes(),
        maxResultBytes == null ? 0 : maxResultBytes.toBytes());
  }
}
