package dev.tollgate.activities.train.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.spec.RaySpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The worker's rules for a Ray job: the spec may only pick an allowed cluster and ask for less. */
class RayPolicyTest {
  private static RayPolicy policy(Double cpus, Double gpus, boolean pip) {
    return new RayPolicy(
        "http://head:8265/", Set.of("HTTP://Other:8265"), null, cpus, gpus, pip, null, 0, 0);
  }

  private static RaySpec spec(String address, Double cpus, Double gpus, List<String> pip) {
    return new RaySpec(address, cpus, gpus, pip, null, Map.of());
  }

  @Test
  void defaultsAndAllowedAddressesCompareWithoutCaseOrTrailingSlash() {
    RayPolicy p = policy(null, null, false);
    assertThat(p.allowedAddresses())
        .containsExactlyInAnyOrder("http://head:8265", "http://other:8265");
    assertThat(p.python()).isEqualTo("python");
    assertThat(p.outageGrace()).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.maxPackageBytes()).isEqualTo(100L << 20);
    assertThat(p.resolve(spec(null, null, null, List.of()), List.of()).address())
        .isEqualTo("http://head:8265");
    assertThat(p.resolve(spec("http://other:8265/", null, null, List.of()), List.of()).address())
        .isEqualTo("http://other:8265");
  }

  @Test
  void anAddressNotListedIsRefusedNamingTheSetting() {
    assertThatThrownBy(
            () ->
                policy(null, null, false)
                    .resolve(spec("http://evil:8265", null, null, List.of()), List.of()))
        .isInstanceOf(RayPolicy.Refused.class)
        .hasMessageContaining("training.address: http://evil:8265")
        .hasMessageContaining("tollgate.training.ray.allowed-addresses");
  }

  @Test
  void cpusAndGpusOverTheCapsAreRefused() {
    RayPolicy p = policy(2.0, 0.0, false);
    assertThat(p.resolve(spec(null, 2.0, null, List.of()), List.of()).numCpus()).isEqualTo(2.0);
    assertThatThrownBy(() -> p.resolve(spec(null, 3.0, null, List.of()), List.of()))
        .hasMessageContaining(
            "training.entrypoint_num_cpus: 3 is more than this worker allows (2;");
    assertThatThrownBy(() -> p.resolve(spec(null, null, 1.0, List.of()), List.of()))
        .hasMessageContaining("tollgate.training.ray.max-entrypoint-gpus");
  }

  @Test
  void pipIsRefusedUnlessTheOperatorAllowsIt() {
    assertThatThrownBy(
            () ->
                policy(null, null, false)
                    .resolve(spec(null, null, null, List.of()), List.of("xgboost")))
        .hasMessageContaining("tollgate.training.ray.pip-allowed");
    assertThat(
            policy(null, null, true)
                .resolve(spec(null, null, null, List.of()), List.of("xgboost==3.1.2"))
                .pip())
        .containsExactly("xgboost==3.1.2");
  }

  @Test
  void anAddressThatIsNoUrlStopsTheWorker() {
    assertThatThrownBy(
            () -> new RayPolicy("head:8265", Set.of(), null, null, null, false, null, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http(s)://host:port");
  }
}
