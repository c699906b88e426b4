package dev.tollgate.worker.approvals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The approval endpoint's TLS: the worker's own certificate ({@code keystore}, PKCS12) and the
 * certificate authorities whose client certificates it accepts ({@code truststore}, PKCS12). Off
 * when {@code port} is negative; 0 takes a free port (tests).
 */
public record MtlsSettings(
    int port, Path keystore, String keystorePassword, Path truststore, String truststorePassword) {

  public boolean enabled() {
    return port >= 0;
  }

  /** The files, never the passwords. */
  @Override
  public String toString() {
    return "MtlsSettings[port="
        + port
        + ", keystore="
        + keystore
        + ", keystorePassword="
        + (keystorePassword == null || keystorePassword.isEmpty() ? "" : "***")
        + ", truststore="
        + truststore
        + ", truststorePassword="
        + (truststorePassword == null || truststorePassword.isEmpty() ? "" : "***")
        + "]";
  }

  /**
   * @throws IllegalArgumentException naming the setting and the file, when one cannot be read
   */
  SSLContext sslContext() {
    return tls(
        keystore,
        keystorePassword.toCharArray(),
        "tollgate.approval.mtls.keystore",
        truststore,
        truststorePassword.toCharArray(),
        "tollgate.approval.mtls.truststore");
  }

  /**
   * TLS with the key and certificate in {@code keys} and the authorities in {@code trust}, both
   * PKCS12 (they may be one file); {@code keysName} and {@code trustName} name them in errors. The
   * endpoint's and its client's side of the handshake.
   */
  static SSLContext tls(
      Path keys,
      char[] keysPassword,
      String keysName,
      Path trust,
      char[] trustPassword,
      String trustName) {
    try {
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(load(keys, keysPassword, keysName), keysPassword);
      TrustManagerFactory trustManagers =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(load(trust, trustPassword, trustName));
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
      return tls;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(keysName + ": " + e.getMessage(), e);
    }
  }

  private static KeyStore load(Path file, char[] password, String name) {
    if (file == null) throw new IllegalArgumentException(name + " is not set");
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          name + " " + file + ": cannot read it as PKCS12: " + e.getMessage(), e);
    }
  }
}
