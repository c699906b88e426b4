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

  /**
   * @throws IllegalArgumentException naming the setting and the file, when one cannot be read
   */
  SSLContext sslContext() {
    try {
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(
          load(keystore, keystorePassword, "tollgate.approval.mtls.keystore"),
          keystorePassword.toCharArray());
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(load(truststore, truststorePassword, "tollgate.approval.mtls.truststore"));
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
      return tls;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("approval endpoint TLS: " + e.getMessage(), e);
    }
  }

  private static KeyStore load(Path file, String password, String setting) {
    if (file == null) throw new IllegalArgumentException(setting + " is not set");
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          setting + ": cannot read " + file + " as PKCS12: " + e.getMessage(), e);
    }
  }
}
