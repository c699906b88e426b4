package dev.tollgate.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the Temporal server is: the options every client command shares. */
final class ConnectionOptions {
  static final String DEFAULT_ADDRESS = "localhost:7233";
  static final String DEFAULT_NAMESPACE = "default";

  @Option(
      names = "--address",
      paramLabel = "HOST:PORT",
      defaultValue = "${env:TEMPORAL_ADDRESS:-" + DEFAULT_ADDRESS + "}",
      description =
          "Temporal server to talk to (default: $TEMPORAL_ADDRESS, else "
              + DEFAULT_ADDRESS
              + "; now: ${DEFAULT-VALUE}).")
  String address;

  @Option(
      names = "--namespace",
      paramLabel = "NAME",
      defaultValue = "${env:TEMPORAL_NAMESPACE:-" + DEFAULT_NAMESPACE + "}",
      description =
          "Temporal namespace (default: $TEMPORAL_NAMESPACE, else "
              + DEFAULT_NAMESPACE
              + "; now: ${DEFAULT-VALUE}).")
  String namespace;

  @Mixin SecurityOptions security = new SecurityOptions();

  /** " --address X" when it is not the default, for the commands we print for people to copy. */
  String flagsForCopy() {
    StringBuilder s = new StringBuilder();
    if (!DEFAULT_ADDRESS.equals(address)) s.append(" --address ").append(address);
    if (!DEFAULT_NAMESPACE.equals(namespace)) s.append(" --namespace ").append(namespace);
    return s.toString();
  }
}
