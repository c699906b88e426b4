package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad command lines, unreachable servers and runs that do not exist: each a non-zero exit code (2
 * usage, 3 unreachable, 1 refused), a message naming what is wrong, and no stack trace on the
 * terminal. "LIVE" stands for a Temporal test server on a free port with no runs on it. The table
 * is in docs/reliability.md.
 */
class CliBadInputTest {
  private static final String NOBODY = "127.0.0.1:1";
  private static TestServer.PortBoundTestServer server;
  private static String live;

  @BeforeAll
  static void startServer() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = TestServer.createPortBoundServer(port);
    live = "127.0.0.1:" + port;
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("unknown command", 2, "Unmatched argument", new String[] {"frobnicate"}),
        Arguments.of(
            "unknown flag",
            2,
            "Unknown options: '--sped'",
            new String[] {"run", "--spec", "x.yaml", "--sped", "y"}),
        Arguments.of("missing --by", 2, "--by", new String[] {"approve", "energy-load/r1"}),
        Arguments.of(
            "reject without --reason",
            2,
            "--reason",
            new String[] {"reject", "energy-load/r1", "--by", "bob"}),
        Arguments.of(
            "--via without --identity",
            2,
            "--via needs --identity FILE",
            new String[] {"approve", "energy-load/r1", "--via", "https://worker:8443"}),
        Arguments.of(
            "--via with --by",
            2,
            "--by is a claim",
            new String[] {
              "approve", "energy-load/r1", "--via", "https://worker:8443", "--by", "alice"
            }),
        Arguments.of(
            "--via over plain http",
            2,
            "expects the worker's https:// address",
            new String[] {
              "approve", "energy-load/r1", "--via", "http://worker:8443", "--identity", "me.p12"
            }),
        Arguments.of(
            "--identity that is not there",
            2,
            "missing.p12",
            new String[] {
              "reject",
              "energy-load/r1",
              "--reason",
              "no",
              "--via",
              "https://127.0.0.1:9",
              "--identity",
              "missing.p12",
              "--identity-password-env",
              "PATH"
            }),
        Arguments.of("a number that is not", 2, "abc", new String[] {"runs", "--limit", "abc"}),
        Arguments.of(
            "export --limit 0",
            2,
            "--limit must be at least 1",
            new String[] {"export-histories", "--to", "x", "--limit", "0"}),
        Arguments.of(
            "unreachable server (status)",
            3,
            "cannot reach a Temporal server at " + NOBODY,
            new String[] {"status", "energy-load/r1", "--address", NOBODY}),
        Arguments.of(
            "unreachable server (approve)",
            3,
            "cannot reach a Temporal server at " + NOBODY,
            new String[] {"approve", "energy-load/r1", "--by", "alice", "--address", NOBODY}),
        Arguments.of(
            "unknown run (status)",
            1,
            "no run pipeline/energy-load/nope on",
            new String[] {"status", "energy-load/nope", "--address", "LIVE"}),
        Arguments.of(
            "unknown run (approve)",
            1,
            "no running pipeline pipeline/energy-load/nope to decide on",
            new String[] {"approve", "energy-load/nope", "--by", "alice", "--address", "LIVE"}),
        Arguments.of(
            "unknown run (reject)",
            1,
            "no running pipeline pipeline/energy-load/nope to decide on",
            new String[] {
              "reject", "energy-load/nope", "--by", "bob", "--reason", "no", "--address", "LIVE"
            }),
        Arguments.of(
            "unknown guardian (schedule status)",
            1,
            "model nope has no guardian",
            new String[] {"schedule", "status", "nope", "--address", "LIVE"}),
        Arguments.of(
            "unknown guardian (schedule disable)",
            1,
            "model nope has no guardian",
            new String[] {"schedule", "disable", "nope", "--by", "alice", "--address", "LIVE"}),
        Arguments.of(
            "unknown guardian (schedule pause)",
            1,
            "model nope has no guardian",
            new String[] {"schedule", "pause", "nope", "--by", "alice", "--address", "LIVE"}),
        Arguments.of(
            "unknown guardian (schedule trigger)",
            1,
            "model nope has no guardian",
            new String[] {"schedule", "trigger", "nope", "--by", "alice", "--address", "LIVE"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failsNamingWhatWithoutAStackTrace(String name, int code, String says, String[] args) {
    String[] resolved =
        Stream.of(args).map(a -> a.equals("LIVE") ? live : a).toArray(String[]::new);

    CliRun run = CliRun.of(resolved);

    String terminal = run.out() + run.err();
    assertThat(run.exitCode()).as(terminal).isEqualTo(code);
    assertThat(terminal).as(name).contains(says);
    assertThat(terminal).as("no stack trace").doesNotContain("\tat ", "Exception in thread");
    assertThat(terminal)
        .as("no Java class name")
        .doesNotContain("unexpected error", "io.temporal.");
  }
}
