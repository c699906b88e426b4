package dev.tollgate.worker.approvals;

import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /decisions} over HTTPS with a required client certificate ({@link DecisionServlet}):
 * the approver is the certificate's CN, as the TLS handshake proved, not a name the caller typed.
 *
 * <p>It runs on a Tomcat of its own with an NIO connector (the same Tomcat that serves the worker's
 * HTTP port, already on the classpath). Its TLS handshakes are non-blocking: a connection that
 * sends half a handshake, or nothing, holds no thread, only a connection slot, and is closed after
 * {@link #TIMEOUT_MS}; requests are read with the same timeout. The JDK's HttpsServer it replaces
 * did handshakes on its two pool threads without a timeout, so two such connections stalled every
 * approver. Only the truststore's authorities are trusted ({@link MtlsSettings#trustAnchors}).
 */
public final class MtlsApprovalEndpoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MtlsApprovalEndpoint.class);

  /** Handshake, request head and body: each must arrive within this. */
  static final int TIMEOUT_MS = 10_000;

  static final int MAX_THREADS = 16;
  static final int MAX_CONNECTIONS = 256;

  private final Tomcat tomcat;
  private final Path baseDir;

  private MtlsApprovalEndpoint(Tomcat tomcat, Path baseDir) {
    this.tomcat = tomcat;
    this.baseDir = baseDir;
  }

  /** Starts listening; {@code settings.port()} 0 takes a free port ({@link #port}). */
  public static MtlsApprovalEndpoint start(
      MtlsSettings settings, WorkflowClient temporal, ApprovalKey key) throws IOException {
    Connector connector = connector(settings);
    Path baseDir = Files.createTempDirectory("tollgate-approvals");
    Tomcat tomcat = new Tomcat();
    tomcat.setSilent(true);
    tomcat.setBaseDir(baseDir.toString());
    tomcat.setConnector(connector);
    tomcat.getEngine().setName("tollgate-approvals"); // not "Tomcat", the serving port's engine
    ErrorReportValve quiet = new ErrorReportValve(); // no stack traces, no server version
    quiet.setShowReport(false);
    quiet.setShowServerInfo(false);
    tomcat.getHost().getPipeline().addValve(quiet);
    Context context = tomcat.addContext("", null);
    Tomcat.addServlet(context, "decisions", new DecisionServlet(temporal, key));
    context.addServletMappingDecoded("/decisions", "decisions");
    Tomcat.addServlet(context, "action-seals", new ActionSealServlet(key));
    context.addServletMappingDecoded("/actions/seal", "action-seals");
    MtlsApprovalEndpoint endpoint = new MtlsApprovalEndpoint(tomcat, baseDir);
    try {
      tomcat.start();
    } catch (LifecycleException e) {
      endpoint.close();
      throw new IOException(e.getMessage(), e);
    }
    if (connector.getLocalPort() < 0) {
      endpoint.close();
      throw new IOException("cannot listen on " + settings.address() + ":" + settings.port());
    }
    log.info(
        "approval endpoint: https://{}:{}/decisions, approvers named by their client"
            + " certificates{}",
        settings.address(),
        endpoint.port(),
        key.present() ? "" : " (no approval key: every decision is refused)");
    return endpoint;
  }

  private static Connector connector(MtlsSettings settings) throws IOException {
    Http11NioProtocol protocol = new Http11NioProtocol();
    protocol.setPort(settings.port());
    protocol.setAddress(InetAddress.getByName(settings.address()));
    protocol.setSSLEnabled(true);
    protocol.setConnectionTimeout(TIMEOUT_MS);
    protocol.setKeepAliveTimeout(TIMEOUT_MS);
    protocol.setMaxThreads(MAX_THREADS);
    protocol.setMinSpareThreads(2);
    protocol.setMaxConnections(MAX_CONNECTIONS);
    protocol.setAcceptCount(64);
    protocol.setMaxHttpHeaderSize(8 * 1024);
    // a body over the limit is refused unread; the connection is closed rather than drained
    protocol.setMaxSwallowSize(EndpointExchange.MAX_BODY_BYTES);
    protocol.setServer("tollgate");

    SSLHostConfig tls = new SSLHostConfig();
    tls.setCertificateVerification("required"); // no certificate, no handshake
    tls.setTrustStore(settings.trustAnchors());
    SSLHostConfigCertificate certificate =
        new SSLHostConfigCertificate(tls, SSLHostConfigCertificate.Type.UNDEFINED);
    certificate.setCertificateKeystore(settings.keys());
    certificate.setCertificateKeystorePassword(settings.keystorePassword());
    tls.addCertificate(certificate);
    protocol.addSslHostConfig(tls);

    Connector connector = new Connector(protocol);
    connector.setScheme("https");
    connector.setSecure(true);
    return connector;
  }

  public int port() {
    return tomcat.getConnector().getLocalPort();
  }

  @Override
  public void close() {
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      log.warn("approval endpoint: stopping it failed: {}", e.getMessage());
    }
    try (var files = Files.walk(baseDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.debug("approval endpoint: {} not removed: {}", baseDir, e.getMessage());
    }
  }
}
