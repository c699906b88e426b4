package dev.tollgate.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.cli.CliRun;
import dev.tollgate.cli.TollgateCli;
import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ExitCodes;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code tollgate serve}'s options become the serve app's settings; absent ones are left to the
 * environment (TOLLGATE_SERVE_*, application-serve.yml); bad ones are usage errors; the help says
 * what a person needs.
 */
class ServeOptionsTest {

  private static ServeCommand parsed(String... args) {
    CommandLine cli = TollgateCli.commandLine();
    cli.parseArgs(args);
    return cli.getSubcommands().get("serve").getCommand();
  }

  @Test
  void optionsBecomeTheAppsSettings() {
    assertThat(
            parsed(
                    "serve",
                    "--env",
                    "Staging",
                    "--models",
                    "energy-load,churn",
                    "--home",
                    "/srv/tg",
                    "--artifacts",
                    "s3://models/tg",
                    "--port",
                    "0",
                    "--address",
                    "0.0.0.0",
                    "--management-port",
                    "9091",
                    "--poll-interval",
                    "2s")
                .appArgs())
        .containsExactly(
            "--tollgate.serve.env=staging",
            "--tollgate.serve.models=energy-load,churn",
            "--tollgate.home=/srv/tg",
            "--tollgate.artifacts.uri=s3://models/tg",
            "--server.port=0",
            "--server.address=0.0.0.0",
            "--management.server.port=9091",
            "--tollgate.serve.poll-interval=2000ms");
    assertThat(parsed("serve").appArgs()).isEmpty();
    assertThat(parsed("serve", "--poll-interval", "250ms").appArgs())
        .containsExactly("--tollgate.serve.poll-interval=250ms");
  }

  @Test
  void badValuesAreUsageErrors() {
    assertThatThrownBy(() -> parsed("serve", "--models", "ok,Not/A/Name").appArgs())
        .isInstanceOf(CliFailure.class)
        .hasMessageContaining("--models: Not/A/Name is not a model name");
    assertThatThrownBy(() -> parsed("serve", "--poll-interval", "0s").appArgs())
        .isInstanceOf(CliFailure.class)
        .hasMessageContaining("--poll-interval must be positive");
    assertThat(CliRun.of("serve", "--env", "qa").exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void helpSaysWhatItServesAndItsDefaults() {
    assertThat(CliRun.of("serve", "--help").out().replaceAll("\\s+", " "))
        .contains(
            "--env",
            "PRODUCTION, STAGING",
            "energy-load.staging",
            "$TOLLGATE_SERVE_PORT, else 8090",
            "$TOLLGATE_SERVE_POLL_INTERVAL, else 500ms",
            "GET /ready",
            "TOLLGATE_SERVING_ENABLED=false");
    assertThat(CliRun.of("--help").out()).contains("serve");
  }
}
