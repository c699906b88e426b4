package dev.tollgate.cli.common;

import dev.tollgate.codec.Keyring;
import dev.tollgate.connect.PlaintextWarning;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where the Temporal server is: the options every client command shares. */
public final class ConnectionOptions {
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
  public String address;

  @Option(
      names = "--namespace",
      paramLabel = "NAME",
      defaultValue = "${env:TEMPORAL_NAMESPACE:-" + DEFAULT_NAMESPACE + "}",
      description =
          "Temporal namespace (default: $TEMPORAL_NAMESPACE, else "
              + DEFAULT_NAMESPACE
              + "; now: ${DEFAULT-VALUE}).")
  public String namespace;

  @Mixin SecurityOptions security = new SecurityOptions();

  @Option(
      names = "--codec-key-file",
      paramLabel = "FILE",
      description =
          "File with the worker's payload keys, one id:BASE64 a line (the first encrypts), to"
              + " read and write the runs of a worker that encrypts them (default: $"
              + Keyring.ENV
              + ", which holds the keys or file:/path).")
  String codecKeyFile;

  /** The command these options belong to: its stderr. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /**
   * One line on stderr when the server is on another machine and no codec key is set: it will store
   * this command's payloads (a spec, a comment) in clear.
   */
  void warnIfPlaintext() {
    String key = codecKey();
    PlaintextWarning.about(address, key != null && !key.isBlank())
        .ifPresent(
            warning -> {
              PrintWriter err =
                  command == null
                      ? new PrintWriter(System.err, true)
                      : command.commandLine().getErr();
              err.println("tollgate: warning: " + warning);
              err.flush();
            });
  }

  /**
   * The keyring setting: {@code file:} and --codec-key-file when given, else $TOLLGATE_CODEC_KEY.
   */
  String codecKey() {
    if (codecKeyFile != null && !codecKeyFile.isBlank()) return "file:" + codecKeyFile;
    return System.getenv(Keyring.ENV);
  }

  /** Where this command's codec keys came from, for messages. */
  String codecKeySource() {
    return codecKeyFile != null && !codecKeyFile.isBlank()
        ? "--codec-key-file " + codecKeyFile
        : Keyring.ENV;
  }

  /** " --address X" when it is not the default, for the commands we print for people to copy. */
  public String flagsForCopy() {
    StringBuilder s = new StringBuilder();
    if (!DEFAULT_ADDRESS.equals(address)) s.append(" --address ").append(address);
    if (!DEFAULT_NAMESPACE.equals(namespace)) s.append(" --namespace ").append(namespace);
    if (codecKeyFile != null && !codecKeyFile.isBlank()) {
      s.append(" --codec-key-file ").append(codecKeyFile);
    }
    return s.toString();
  }
}
