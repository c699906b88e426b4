package dev.tollgate.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.cli.CliRun;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: secrets on the command line show in {@code ps} to every user of the machine. The API
 * key and a registry password given as arguments are refused, pointing at the environment or a
 * file, and never echoed; a server on another machine without a codec key is a warning.
 */
class CommandLineSecretsTest {
  private static final String KEY = "tmprl-SECRET-4f2a9";

  @TempDir Path dir;

  @Test
  void anApiKeyAsAnArgumentIsRefusedWithWhereToPutIt() {
    for (String[] args :
        new String[][] {
          {"status", "energy-load/r1", "--address", "127.0.0.1:1", "--api-key", KEY},
          {"runs", "--address", "127.0.0.1:1", "--api-key=" + KEY},
          {"worker", "--embedded-port", "0", "--home", dir.toString(), "--api-key", KEY}
        }) {
      CliRun run = CliRun.of(args);
      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(run.err())
          .contains("--api-key is not accepted", "ps", "TEMPORAL_API_KEY", "--api-key-file FILE")
          .doesNotContain(KEY);
    }
  }

  @Test
  void theKeyFileIsReadAndAMissingOneNamed() throws IOException {
    Path file = Files.writeString(dir.resolve("api-key"), KEY + "\n");
    CliRun read =
        CliRun.of("status", "x/r1", "--address", "127.0.0.1:1", "--api-key-file", file.toString());
    assertThat(read.exitCode()).as(read.err()).isEqualTo(3); // read, then nobody answers (TLS)
    assertThat(read.err()).doesNotContain(KEY);

    String missing = dir.resolve("nope").toString();
    CliRun refused =
        CliRun.of("status", "x/r1", "--address", "127.0.0.1:1", "--api-key-file", missing);
    assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
    assertThat(refused.err()).contains("--api-key-file " + missing + ": cannot read it");
  }

  @Test
  void aRegistryPasswordInTheUrlIsRefused() {
    for (String url :
        new String[] {
          "jdbc:postgresql://db:5432/tollgate?user=t&password=hunter2",
          "jdbc:postgresql://t:hunter2@db:5432/tollgate"
        }) {
      CliRun run =
          CliRun.of(
              "worker", "--embedded-port", "0", "--home", dir.toString(), "--registry-url", url);
      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(run.err())
          .contains("--registry-url carries a password", "TOLLGATE_REGISTRY_PASSWORD")
          .doesNotContain("hunter2");
    }
  }

  @Test
  void aRemoteServerWithoutACodecKeyIsAWarning() throws SocketException {
    String remote = thisMachinesOtherAddress() + ":1"; // not loopback, and nothing listens there
    CliRun run = CliRun.of("status", "energy-load/r1", "--address", remote);
    assertThat(run.err())
        .contains(
            "tollgate: warning: Temporal at " + remote + " is not on this machine",
            "TOLLGATE_CODEC_KEY is not set");
    // loopback and a set key: PlaintextWarningTest (each call here waits out the connect timeout)
  }

  /** A non-loopback IPv4 address of this machine (refuses at once), else TEST-NET-1. */
  private static String thisMachinesOtherAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(
            i -> {
              try {
                return i.isUp() && !i.isLoopback();
              } catch (SocketException e) {
                return false;
              }
            })
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address)
        .map(InetAddress::getHostAddress)
        .findFirst()
        .orElse("192.0.2.1");
  }
}
