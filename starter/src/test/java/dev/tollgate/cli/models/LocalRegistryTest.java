package dev.tollgate.cli.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.db.RegistryDatabase;
import dev.tollgate.cli.CliRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tollgate models list|show --home DIR} when the registry cannot be read: a worker holding
 * it, none there, or --address as well. One line that says what to do, never a stack trace (issue
 * 22, item 13). Reading a registry is in DemoEndToEndTest, after the demo wrote one.
 */
class LocalRegistryTest {
  @TempDir Path home;

  @Test
  void aWorkerHoldingTheHomeIsNamedWithWhatToDoInstead() throws Exception {
    Process worker =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                HoldRegistryMain.class.getName(),
                home.toString())
            .redirectErrorStream(true)
            .start();
    try {
      awaitLine(worker, "holding");

      CliRun list = CliRun.of("models", "list", "--home", home.toString());
      CliRun show = CliRun.of("models", "show", "energy-load", "--home", home.toString());

      assertThat(list.exitCode()).as(list.err()).isEqualTo(1);
      assertThat(list.err())
          .isEqualTo(
              "tollgate: a worker is running on this home (pid "
                  + worker.pid()
                  + "?): use `tollgate models list` against its server, or stop it\n");
      assertThat(show.exitCode()).isEqualTo(1);
      assertThat(show.err())
          .contains("use `tollgate models show energy-load` against its server, or stop it")
          .doesNotContain("Exception", "\tat ");
    } finally {
      worker.getOutputStream().close();
      assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aHomeWithoutARegistryIsSaidSo() {
    CliRun list = CliRun.of("models", "list", "--home", home.toString());

    assertThat(list.exitCode()).isEqualTo(1);
    assertThat(list.err()).startsWith("tollgate: no registry in ").contains(home.toString());
    assertThat(home.resolve("registry")).doesNotExist();
  }

  @Test
  void homeAndAddressTogetherAreAUsageError() {
    CliRun list =
        CliRun.of("models", "list", "--home", home.toString(), "--address", "127.0.0.1:1");

    assertThat(list.exitCode()).isEqualTo(2);
    assertThat(list.err()).contains("--home", "--address", "not both");
  }

  private static void awaitLine(Process process, String expected) throws IOException {
    BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream()));
    String line;
    do {
      line = output.readLine(); // past its log lines
    } while (line != null && !line.equals(expected));
    assertThat(line).as("the other process's cue").isEqualTo(expected);
  }

  /** A worker's hold on a home's registry, until its stdin closes. */
  public static final class HoldRegistryMain {
    public static void main(String[] args) throws IOException {
      try (RegistryDatabase db = RegistryDatabase.openH2(Path.of(args[0]), null, null)) {
        System.out.println("holding");
        System.out.flush();
        while (System.in.read() >= 0) {
          // until the test closes our stdin
        }
      }
    }
  }
}
