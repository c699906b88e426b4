package dev.tollgate.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.cli.CliRun;
import dev.tollgate.cli.FakeTemporalServer;
import dev.tollgate.cli.SelfSignedKeys;
import io.grpc.Status;
import io.temporal.api.errordetails.v1.NamespaceNotFoundFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person can get wrong between the CLI and the server — the namespace, the credentials, TLS
 * on one side only, an untrusted certificate, a codec key setting — and what a busy server says:
 * each one sentence with what to do and its exit code, never "unexpected error" or a Java class
 * name. The server is a {@link FakeTemporalServer} answering as a real one does. The table is in
 * docs/reliability.md.
 */
class ServerFailuresTest {
  @TempDir Path dir;

  @Test
  void aNamespaceThatIsNotThereIsNamed() throws Exception {
    try (var server =
        FakeTemporalServer.failing(
            Status.NOT_FOUND.withDescription("Namespace nope is not found."),
            NamespaceNotFoundFailure.newBuilder().setNamespace("nope").build())) {
      CliRun run =
          cli("status", "energy-load/r1", "--address", server.address(), "--namespace", "nope");

      assertSays(run, 1, "has no namespace 'nope'", "temporal operator namespace create nope");
    }
  }

  @Test
  void aDeniedPermissionSaysSo() throws Exception {
    try (var server =
        FakeTemporalServer.failing(
            Status.PERMISSION_DENIED.withDescription("Request unauthorized."), null)) {
      CliRun run = cli("approve", "energy-load/r1", "--by", "alice", "--address", server.address());

      assertSays(run, 1, "permission denied in namespace default", "Request unauthorized.");
    }
  }

  @Test
  void credentialsTheServerDoesNotAcceptSaySo() throws Exception {
    try (var server =
        FakeTemporalServer.failing(
            Status.UNAUTHENTICATED.withDescription("Jwt verification failed"), null)) {
      CliRun run = cli("runs", "--address", server.address());

      assertSays(run, 1, "did not accept this client's credentials", "--api-key-file");
    }
  }

  @Test
  void aServerThatIsSlowOrLimitingSaysSo() throws Exception {
    try (var server =
        FakeTemporalServer.failing(
            Status.RESOURCE_EXHAUSTED.withDescription("namespace rate limit exceeded"), null)) {
      assertSays(cli("pending", "--address", server.address()), 1, "is limiting requests");
    }
    try (var server = FakeTemporalServer.failing(Status.DEADLINE_EXCEEDED, null)) {
      assertSays(cli("pending", "--address", server.address()), 1, "did not answer in time");
    }
  }

  @Test
  void tlsAgainstAPlainServerSaysTheServerMayNotSpeakTls() throws Exception {
    SelfSignedKeys keys = SelfSignedKeys.make(dir, "server");
    try (var server = FakeTemporalServer.failing(Status.UNIMPLEMENTED, null)) {
      CliRun run =
          cli(
              "status",
              "energy-load/r1",
              "--address",
              server.address(),
              "--tls-ca",
              keys.certificatePem().toString());

      assertSays(
          run,
          3,
          "TLS handshake with the Temporal server at " + server.address(),
          "its answer is not TLS",
          "plain gRPC");
    }
  }

  @Test
  void aServerCertificateFromAnotherAuthorityIsNotTrusted() throws Exception {
    SelfSignedKeys serverKeys = SelfSignedKeys.make(dir, "server");
    SelfSignedKeys other = SelfSignedKeys.make(dir, "other");
    try (var server = FakeTemporalServer.tls(Status.UNIMPLEMENTED, serverKeys.keys())) {
      CliRun run =
          cli(
              "status",
              "energy-load/r1",
              "--address",
              server.address(),
              "--tls-ca",
              other.certificatePem().toString());

      assertSays(run, 3, "is not one this client trusts", "--tls-ca FILE");
    }
  }

  @Test
  void plainGrpcAgainstATlsServerHintsAtTls() throws Exception {
    SelfSignedKeys serverKeys = SelfSignedKeys.make(dir, "server");
    try (var server = FakeTemporalServer.tls(Status.UNIMPLEMENTED, serverKeys.keys())) {
      CliRun run = cli("status", "energy-load/r1", "--address", server.address());

      assertSays(run, 3, "cannot reach a Temporal server at " + server.address(), "--tls-ca");
    }
  }

  @Test
  void aCodecKeySettingThatCannotBeUsedIsAUsageError() throws Exception {
    CliRun missing =
        cli(
            "status",
            "energy-load/r1",
            "--address",
            "127.0.0.1:1",
            "--codec-key-file",
            dir.resolve("nokeys").toString());
    assertSays(missing, 2, "--codec-key-file " + dir.resolve("nokeys"), "no such file");

    Path bad = Files.writeString(dir.resolve("keys"), "k1:not-base64*\n");
    CliRun malformed =
        cli(
            "status",
            "energy-load/r1",
            "--address",
            "127.0.0.1:1",
            "--codec-key-file",
            bad.toString());
    assertSays(malformed, 2, "codec key 'k1'", "not valid base64");
  }

  private static CliRun cli(String... args) {
    return CliRun.of(args);
  }

  private static void assertSays(CliRun run, int exitCode, String... says) {
    String terminal = run.out() + run.err();
    assertThat(run.exitCode()).as(terminal).isEqualTo(exitCode);
    assertThat(terminal).contains(says);
    List<String> forbidden = new ArrayList<>(List.of("unexpected error", "Exception", "\tat "));
    forbidden.addAll(List.of("io.grpc.", "io.temporal.", "java.", "javax.", "sun."));
    assertThat(terminal).as("no Java class names").doesNotContain(forbidden);
  }
}
