package dev.tollgate.cli;

import dev.tollgate.connect.TemporalSecurity;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * TLS and API-key options, shared by the client commands and {@code worker}. Each defaults to its
 * environment variable, the same ones the worker app reads.
 */
final class SecurityOptions {

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
      names = "--api-key",
      paramLabel = "KEY",
      defaultValue = "${env:TEMPORAL_API_KEY}",
      description =
          "Temporal Cloud API key; turns on TLS (default: $TEMPORAL_API_KEY, which is safer than"
              + " the command line).")
  String apiKey;

  /** The settings, checked: a certificate needs its key, files must exist (exit code 2 if not). */
  TemporalSecurity security() {
    try {
      return TemporalSecurity.of(certFile, keyFile, caFile, apiKey);
    } catch (IllegalArgumentException e) {
      throw new CliFailure(ExitCodes.USAGE, e.getMessage(), e);
    }
  }

  /** The same settings as worker-app properties. */
  List<String> asAppArgs() {
    List<String> args = new ArrayList<>();
    add(args, "tls.cert-file", certFile);
    add(args, "tls.key-file", keyFile);
    add(args, "tls.ca-file", caFile);
    add(args, "api-key", apiKey);
    return args;
  }

  private static void add(List<String> args, String key, String value) {
    if (value != null && !value.isBlank()) args.add("--tollgate.temporal." + key + "=" + value);
  }
}
