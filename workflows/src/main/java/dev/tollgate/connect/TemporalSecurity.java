package dev.tollgate.connect;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the worker and the CLI authenticate to a Temporal server that needs it: mutual TLS with a
 * client certificate (self-hosted clusters, Temporal Cloud mTLS namespaces), an API key (Temporal
 * Cloud), or neither (a local dev server). Shared so both sides accept the same settings.
 *
 * @param certFile PEM client certificate; needs {@code keyFile}
 * @param keyFile PEM PKCS#8 private key of the certificate
 * @param caFile PEM CA bundle to trust instead of the JDK's, for private CAs
 * @param apiKey Temporal Cloud API key; implies TLS
 */
public record TemporalSecurity(Path certFile, Path keyFile, Path caFile, String apiKey) {

  public static final TemporalSecurity NONE = new TemporalSecurity(null, null, null, null);

  public TemporalSecurity {
    if ((certFile == null) != (keyFile == null)) {
      throw new IllegalArgumentException(
          "a TLS client certificate needs both the certificate and its key (got only the "
              + (certFile == null ? "key" : "certificate")
              + ")");
    }
    requireReadable(certFile, "TLS certificate");
    requireReadable(keyFile, "TLS key");
    requireReadable(caFile, "TLS CA bundle");
    if (apiKey != null && apiKey.isBlank()) apiKey = null;
  }

  /** Builds from optional text settings (blank = unset), as env vars and properties give them. */
  public static TemporalSecurity of(String certFile, String keyFile, String caFile, String apiKey) {
    return new TemporalSecurity(path(certFile), path(keyFile), path(caFile), apiKey);
  }

  public boolean usesTls() {
    return certFile != null || caFile != null || apiKey != null;
  }

  /** Adds TLS and the API key, when set, to the connection options. */
  public WorkflowServiceStubsOptions.Builder applyTo(WorkflowServiceStubsOptions.Builder builder) {
    if (certFile != null || caFile != null) {
      try {
        SslContextBuilder ssl = GrpcSslContexts.forClient();
        if (caFile != null) ssl.trustManager(caFile.toFile());
        if (certFile != null) ssl.keyManager(certFile.toFile(), keyFile.toFile());
        builder.setSslContext(ssl.build());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot set up TLS from " + certFile + " / " + caFile, e);
      }
    } else if (apiKey != null) {
      builder.setEnableHttps(true);
    }
    if (apiKey != null) {
      String key = apiKey;
      builder.addApiKey(() -> key);
    }
    return builder;
  }

  /** The files, and whether an API key is set: never the key (this reaches logs and errors). */
  @Override
  public String toString() {
    return "TemporalSecurity[certFile="
        + certFile
        + ", keyFile="
        + keyFile
        + ", caFile="
        + caFile
        + ", apiKey="
        + (apiKey == null ? "none" : "***")
        + "]";
  }

  private static Path path(String text) {
    return text == null || text.isBlank() ? null : Path.of(text.trim());
  }

  private static void requireReadable(Path file, String what) {
    if (file != null && !Files.isReadable(file)) {
      throw new IllegalArgumentException(what + " " + file + " does not exist or cannot be read");
    }
  }
}
