package dev.tollgate.worker.approvals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway certificate authority and certificates it issues, made with the JDK's keytool: the
 * worker's (CN=localhost, for 127.0.0.1) and approvers' client certificates, each in a PKCS12 file
 * that also trusts the authority. One more authority's certificate shows a stranger is refused.
 */
final class TestCertificates {
  static final String PASSWORD = "changeit";

  private final Path dir;

  private TestCertificates(Path dir) {
    this.dir = dir;
  }

  /** An authority named {@code name} in {@code dir}. */
  static TestCertificates authority(Path dir, String name) throws Exception {
    TestCertificates ca = new TestCertificates(dir);
    ca.keytool(
        "-genkeypair",
        "-alias",
        "ca",
        "-keyalg",
        "EC",
        "-dname",
        "CN=" + name,
        "-ext",
        "bc:c",
        "-validity",
        "2",
        "-keystore",
        ca.file(name + "-ca.p12"));
    ca.keytool(
        "-exportcert",
        "-alias",
        "ca",
        "-keystore",
        ca.file(name + "-ca.p12"),
        "-file",
        ca.file(name + "-ca.crt"));
    ca.name = name;
    return ca;
  }

  private String name;

  /** A truststore holding only this authority. */
  Path truststore() throws Exception {
    Path trust = dir.resolve(name + "-trust.p12");
    trustedBy(trust);
    return trust;
  }

  /** Adds this authority to the trusted entries of {@code store} (created if missing). */
  void trustedBy(Path store) throws Exception {
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "ca-" + name,
        "-file",
        file(name + "-ca.crt"),
        "-keystore",
        store.toString());
  }

  /** A key and certificate for {@code cn}, issued by this authority, trusting it too. */
  Path issue(String cn) throws Exception {
    return issue(cn, "CN=" + cn);
  }

  /**
   * A key and certificate whose subject is {@code dname} (several CNs, a CN in another RDN), issued
   * by this authority, in {@code <authority>-<stem>.p12}, trusting the authority too.
   */
  Path issue(String stem, String dname) throws Exception {
    String cn = stem;
    String store = file(name + "-" + cn + ".p12");
    keytool(
        "-genkeypair",
        "-alias",
        "me",
        "-keyalg",
        "EC",
        "-dname",
        dname,
        "-validity",
        "2",
        "-keystore",
        store);
    keytool(
        "-certreq", "-alias", "me", "-keystore", store, "-file", file(name + "-" + cn + ".csr"));
    keytool(
        "-gencert",
        "-alias",
        "ca",
        "-keystore",
        file(name + "-ca.p12"),
        "-infile",
        file(name + "-" + cn + ".csr"),
        "-outfile",
        file(name + "-" + cn + ".crt"),
        "-validity",
        "2",
        "-ext",
        "san=dns:localhost,ip:127.0.0.1");
    trustedBy(Path.of(store));
    keytool(
        "-importcert", "-alias", "me", "-file", file(name + "-" + cn + ".crt"), "-keystore", store);
    return Path.of(store);
  }

  /**
   * A self-signed key and certificate for {@code cn} that no authority issued, in {@code
   * self-<cn>.p12}, trusting this authority (to accept the worker's certificate).
   */
  Path selfSigned(String cn) throws Exception {
    String store = file("self-" + cn + ".p12");
    keytool(
        "-genkeypair",
        "-alias",
        "me",
        "-keyalg",
        "EC",
        "-dname",
        "CN=" + cn,
        "-validity",
        "2",
        "-keystore",
        store);
    trustedBy(Path.of(store));
    return Path.of(store);
  }

  /** Copies the key entry of {@code source} into {@code store} (as alias {@code alias}). */
  void importKey(Path source, Path store, String alias) throws Exception {
    keytool(
        "-importkeystore",
        "-noprompt",
        "-srckeystore",
        source.toString(),
        "-srcstorepass",
        PASSWORD,
        "-srcalias",
        "me",
        "-destalias",
        alias,
        "-destkeystore",
        store.toString());
  }

  private String file(String name) {
    return dir.resolve(name).toString();
  }

  private void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    command.addAll(List.of("-storepass", PASSWORD, "-keypass", PASSWORD, "-storetype", "PKCS12"));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("keytool " + String.join(" ", args) + ": " + out);
    }
  }
}
