package dev.tollgate.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code tollgate} CLI as a separate process, the way people and scripts run it, pointed at one
 * server and namespace. Every call is logged to target/it-logs/commands.log.
 */
final class Cli {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  private final String address;
  private final String namespace;
  private final Map<String, String> env;

  Cli(String address, String namespace) {
    this(address, namespace, Map.of());
  }

  /** With settings from the environment, e.g. TOLLGATE_CODEC_KEY to read encrypted runs. */
  Cli(String address, String namespace, Map<String, String> env) {
    this.address = address;
    this.namespace = namespace;
    this.env = Map.copyOf(env);
  }

  /** Runs {@code tollgate ARGS --address A --namespace N} to its end. */
  ProcResult run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(ItSettings.javaBin().toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    // A client command is short: C1 and the serial collector start it fastest on a busy machine.
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    command.addAll(List.of("-jar", ItSettings.tollgateJar().toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--address", address, "--namespace", namespace));
    // TEMPORAL_ADDRESS from the surroundings must not matter: --address is always given.
    return Commands.run(command, env, TIMEOUT);
  }

  ProcResult status(String run) {
    return run("status", run);
  }

  ProcResult approve(String run, String by) {
    return run("approve", run, "--by", by, "--comment", "integration test");
  }

  /**
   * Approves right after a worker or the server was restarted, as a script would: the new worker
   * may not poll yet, and {@code approve} alone refuses within seconds when no worker answers.
   */
  ProcResult approveOnceAWorkerPolls(String run, String by) {
    return run(
        "approve", run, "--by", by, "--comment", "integration test", "--wait-for-worker", "3m");
  }

  ProcResult reject(String run, String by, String reason) {
    return run("reject", run, "--by", by, "--reason", reason);
  }
}
