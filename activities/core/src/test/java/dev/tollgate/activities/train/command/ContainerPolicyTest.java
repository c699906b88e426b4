package dev.tollgate.activities.train.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.spec.ContainerSpec;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The worker decides: networks it lists, caps a spec may only stay under, GPUs only if given. */
class ContainerPolicyTest {
  private static final ContainerPolicy CAPPED =
      new ContainerPolicy(Set.of("none"), 4.0, 8L << 30, false, ContainerPolicy.Pull.NEVER);

  @Test
  void noNetworkIsTheDefaultAndHostMustBeListed() {
    ContainerSpec host = new ContainerSpec("t", null, null, null, "host");
    assertThatThrownBy(() -> ContainerPolicy.defaults().limits(host))
        .hasMessageContaining(
            "training.network: host is not allowed on this worker (it allows none")
        .hasMessageContaining("tollgate.training.containers.networks");
    ContainerPolicy hostAllowed =
        new ContainerPolicy(Set.of("none", "HOST"), null, null, false, null);
    assertThat(hostAllowed.limits(host).network()).isEqualTo("host");
    assertThat(hostAllowed.pull()).isEqualTo(ContainerPolicy.Pull.NEVER);
  }

  @Test
  void aSpecMayOnlyTighten() {
    assertThat(CAPPED.limits(new ContainerSpec("t", 2.0, 1L << 30, null, null)))
        .isEqualTo(new ContainerPolicy.Limits(2.0, 1L << 30, null, "none"));
    assertThatThrownBy(() -> CAPPED.limits(new ContainerSpec("t", 8.0, null, null, null)))
        .hasMessageContaining("training.cpus: 8 is more than this worker allows (4;")
        .hasMessageContaining("max-cpus");
    assertThatThrownBy(() -> CAPPED.limits(new ContainerSpec("t", null, 16L << 30, null, null)))
        .hasMessageContaining("training.memory: 16g is more than this worker allows (8g;");
  }

  @Test
  void aSpecWithoutLimitsGetsTheWorkersCaps() {
    assertThat(CAPPED.limits(new ContainerSpec("t", null, null, null, null)))
        .isEqualTo(new ContainerPolicy.Limits(4.0, 8L << 30, null, "none"));
    assertThat(ContainerPolicy.defaults().limits(new ContainerSpec("t", null, null, null, null)))
        .isEqualTo(new ContainerPolicy.Limits(null, null, null, "none"));
  }

  @Test
  void gpusOnlyWhereTheWorkerGivesThem() {
    ContainerSpec gpu = new ContainerSpec("t", null, null, "all", null);
    assertThatThrownBy(() -> CAPPED.limits(gpu)).hasMessageContaining("training.gpus");
    assertThat(new ContainerPolicy(Set.of(), null, null, true, null).limits(gpu).gpus())
        .isEqualTo("all");
  }

  @Test
  void badSettingsAreRefusedAtStart() {
    assertThatThrownBy(() -> new ContainerPolicy(Set.of("bridge"), null, null, false, null))
        .hasMessageContaining("tollgate.training.containers.networks");
    assertThatThrownBy(() -> ContainerPolicy.Pull.parse("always"))
        .hasMessageContaining("expected never or missing");
    assertThat(ContainerPolicy.Pull.parse("Missing")).isEqualTo(ContainerPolicy.Pull.MISSING);
  }
}
