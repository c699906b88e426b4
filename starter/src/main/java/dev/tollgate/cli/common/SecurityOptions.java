package dev.tollgate.cli.common;

import dev.tollgate.connect.TemporalSecurity;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * TLS and API-key options, shared by the client commands and {@code worker}. Each defaults to its
 * environment variable, the same ones the worker app reads. The API key itself is never an argument
 * ({@link CommandLineSecrets}): it comes from TEMPORAL_API_KEY or a file.
 */
public final class SecurityOptions {
  static final String API_KEY_ENV = "TEMPORAL_API_KEY";

  @Option(
      names = "--tls-cert",
      paramLabel = "FILE",
      defaultValue = "${env:TEMPORAL_TLS_CERT}",
      description = "PEM client certificate for mutual TLS (default: $TEMPORAL_TLS_CERT).")
  String certFile;

  @Option(
      names = "--tls-key",
      paramLabel = "FILE",
      defaultValue = "${env:TEMPORAL_TLS_KEY}",
      description = "PKCS#8 PEM key of the client certificate (default: $TEMPORAL_TLS_KEY).")
  String keyFile;

  @Option(
      names = "--tls-ca",
      paramLabel = "FILE",
      defaultValue = "${env:TEMPORAL_TLS_CA}",
      description = "PEM CA bundle to trust, for a private CA (default: $TEMPORAL_TLS_CA).")
  String caFile;

  @Option(
      names = "--api-key-file",
      paramLabel = "FILE",
      defaultValue = "${env:TEMPORAL_API_KEY_FILE}",
      description =
          "File whose first line is the Temporal Cloud API key; turns on TLS (default:"
              + " $TEMPORAL_API_KEY_FILE; else the key itself in $TEMPORAL_API_KEY). Never the key"
              + " on the command line: every user of the machine sees it in ps.")
  String apiKeyFile;

  /** Removed: kept only to say where the key goes instead, without echoing it. */
  @Option(
      names = "--api-key",
      hidden = true,
      paramLabel = "KEY",
      description = "Not accepted: use $TEMPORAL_API_KEY or --api-key-file.")
  String apiKeyOnCommandLine;

  /** The settings, checked: a certificate needs its key, files must exist (exit code 2 if not). */
  TemporalSecurity security() {
    String apiKey = apiKey();
    try {
      return TemporalSecurity.of(certFile, keyFile, caFile, apiKey);
    } catch (IllegalArgumentException e) {
      throw new CliFailure(ExitCodes.USAGE, e.getMessage(), e);
    }
  }

  /** True when any TLS setting or API key is given (the connection then speaks TLS). */
  boolean tlsConfigured() {
    return notBlank(certFile)
        || notBlank(caFile)
        || notBlank(apiKeyFile)
        || notBlank(System.getenv(API_KEY_ENV));
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  /**
   * The same settings as worker-app properties. They stay in this process (the CLI starts the app
   * in itself), so the key read from the environment or a file never reaches a command line.
   */
  public List<String> asAppArgs() {
    List<String> args = new ArrayList<>();
    add(args, "tls.cert-file", certFile);
    add(args, "tls.key-file", keyFile);
    add(args, "tls.ca-file", caFile);
    add(args, "api-key", apiKey());
    return args;
  }

  /** From --api-key-file (or TEMPORAL_API_KEY_FILE), else TEMPORAL_API_KEY; refused as argument. */
  private String apiKey() {
    if (apiKeyOnCommandLine != null) throw CommandLineSecrets.apiKeyGiven();
    if (apiKeyFile != null && !apiKeyFile.isBlank()) {
      return CommandLineSecrets.readKeyFile("--api-key-file", apiKeyFile);
    }
    return System.getenv(API_KEY_ENV);
  }

  private static void add(List<String> args, String key, String value) {
    if (value != null && !value.isBlank()) args.add("--tollgate.temporal." + key + "=" + value);
  }
}
