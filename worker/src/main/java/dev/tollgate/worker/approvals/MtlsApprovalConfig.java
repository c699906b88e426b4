package dev.tollgate.worker.approvals;

import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mTLS approval endpoint, when {@code tollgate.approval.mtls.port} is set (off by default):
 * keystore and truststore from {@code tollgate.approval.mtls.*}, passwords from the environment;
 * {@code address} (default {@code 0.0.0.0}, every interface) is where it listens.
 */
@Configuration(proxyBeanMethods = false)
public class MtlsApprovalConfig {

  @Bean
  MtlsSettings mtlsSettings(
      @Value("${tollgate.approval.mtls.port:-1}") int port,
      @Value("${tollgate.approval.mtls.address:0.0.0.0}") String address,
      @Value("${tollgate.approval.mtls.keystore:}") String keystore,
      @Value("${tollgate.approval.mtls.keystore-password:}") String keystorePassword,
      @Value("${tollgate.approval.mtls.truststore:}") String truststore,
      @Value("${tollgate.approval.mtls.truststore-password:}") String truststorePassword) {
    return new MtlsSettings(
        port,
        address,
        keystore.isBlank() ? null : Path.of(keystore),
        keystorePassword,
        truststore.isBlank() ? null : Path.of(truststore),
        truststorePassword);
  }

  @Bean
  SmartLifecycle mtlsApprovalEndpoint(
      MtlsSettings settings, WorkflowClient temporal, ApprovalKey key) {
    return new SmartLifecycle() {
      private MtlsApprovalEndpoint endpoint;

      @Override
      public void start() {
        if (!settings.enabled()) return;
        try {
          endpoint = MtlsApprovalEndpoint.start(settings, temporal, key);
        } catch (IOException e) {
          throw new IllegalStateException(
              "approval endpoint: cannot listen on "
                  + settings.address()
                  + ":"
                  + settings.port()
                  + ": "
                  + e.getMessage(),
              e);
        }
      }

      @Override
      public void stop() {
        if (endpoint != null) endpoint.close();
        endpoint = null;
      }

      @Override
      public boolean isRunning() {
        return endpoint != null;
      }
    };
  }
}
