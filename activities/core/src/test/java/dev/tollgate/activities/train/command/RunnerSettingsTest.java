package dev.tollgate.activities.train.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The worker's credentials cannot be passed to a command even on purpose; the rest can. */
class RunnerSettingsTest {

  @Test
  void refusesToPassTheWorkersOwnSecretsAndTheContractsNames() {
    for (String name : Set.of("TOLLGATE_DB_PASSWORD", "aws_secret_access_key", "SM_MODEL_DIR")) {
      assertThatThrownBy(
              () ->
                  new RunnerSettings(
                      Path.of("/tmp/x"),
                      Duration.ZERO,
                      Duration.ofSeconds(1),
                      1 << 20,
                      Set.of(name)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is never passed to a training command");
    }
    assertThat(
            new RunnerSettings(
                    Path.of("/tmp/x"),
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    1 << 20,
                    Set.of("WANDB_API_KEY"))
                .passThroughEnv())
        .containsExactly("WANDB_API_KEY");
  }

  @Test
  void defaultsAreTenSecondsOfGraceAndOneMegabyteOfLog() {
    RunnerSettings d = RunnerSettings.defaults(Path.of("/home/w"));
    assertThat(d.grace()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.logLimitBytes()).isEqualTo(1024 * 1024);
    assertThat(d.runsRoot()).isEqualTo(Path.of("/home/w/training-runs"));
  }
}
