package dev.tollgate.worker.approvals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The approval endpoint's TLS: the worker's own certificate ({@code keystore}, PKCS12) and the
 * certificate authorities whose client certificates it accepts ({@code truststore}, PKCS12). Off
 * when {@code port} is negative; 0 takes a free port (tests). {@code address} is the interface it
 * listens on ({@code 0.0.0.0}: all, for approvers on other machines).
 */
public record MtlsSettings(
    int port,
    String address,
    Path keystore,
    String keystorePassword,
    Path truststore,
    String truststorePassword) {

  public boolean enabled() {
    return port >= 0;
  }

  /** The files, never the passwords. */
  @Override
  public String toString() {
    return "MtlsSettings[port="
        + port
        + ", address="
        + address
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

  /** The worker's key and certificate. */
  KeyStore keys() {
    return load(keystore, keystorePassword.toCharArray(), "tollgate.approval.mtls.keystore");
  }

  /**
   * The authorities a client certificate must chain to: the truststore's trusted-certificate
   * entries and nothing else. Not the JDK's default authorities, and not the certificate of a key
   * entry (the JDK's trust managers count those as trusted too, so a truststore that is also some
   * keystore would let that key's holder in).
   *
   * @throws IllegalArgumentException when the file cannot be read or holds no such entry
   */
  KeyStore trustAnchors() {
    String name = "tollgate.approval.mtls.truststore";
    KeyStore file = load(truststore, truststorePassword.toCharArray(), name);
    try {
      KeyStore anchors = KeyStore.getInstance("PKCS12");
      anchors.load(null, null);
      for (String alias : Collections.list(file.aliases())) {
        if (file.isCertificateEntry(alias)) {
          anchors.setCertificateEntry(alias, file.getCertificate(alias));
        }
      }
      if (anchors.size() == 0) {
        throw new IllegalArgumentException(
            name
                + " "
                + truststore
                + " holds no trusted certificate entry: import the approvers' authority"
                + " (keytool -importcert)");
      }
      return anchors;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(name + " " + truststore + ": " + e.getMessage(), e);
    }
  }

  /**
   * TLS with the key and certificate in {@code keys} and the authorities in {@code trust}, both
   * PKCS12 (they may be one file); {@code keysName} and {@code trustName} name them in errors. The
   * client's side of the handshake ({@link MtlsDecisionClient}).
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
