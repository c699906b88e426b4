package dev.tollgate.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporalSecurityTest {

  @Test
  void blankSettingsMeanAPlainConnection() {
    TemporalSecurity none = TemporalSecurity.of("", null, " ", "");
    assertThat(none.usesTls()).isFalse();
    WorkflowServiceStubsOptions options =
        none.applyTo(WorkflowServiceStubsOptions.newBuilder().setTarget("localhost:7233")).build();
    assertThat(options.getEnableHttps()).isFalse();
    assertThat(options.getSslContext()).isNull();
  }

  @Test
  void anApiKeyTurnsOnTlsAndIsSentWithEachCall() {
    WorkflowServiceStubsOptions options =
        TemporalSecurity.of(null, null, null, "secret")
            .applyTo(WorkflowServiceStubsOptions.newBuilder().setTarget("ns.tmprl.cloud:7233"))
            .build();
    assertThat(options.getEnableHttps()).isTrue();
    assertThat(options.getGrpcMetadataProviders()).hasSize(1);
  }

  @Test
  void refusesHalfAClientCertificateAndMissingFiles(@TempDir Path dir) throws Exception {
    Path cert = Files.writeString(dir.resolve("client.pem"), "x");
    assertThatThrownBy(() -> TemporalSecurity.of(cert.toString(), null, null, null))
        .hasMessageContaining("needs both the certificate and its key (got only the certificate)");
    assertThatThrownBy(
            () -> TemporalSecurity.of(null, null, dir.resolve("ca.pem").toString(), null))
        .hasMessageContaining("TLS CA bundle")
        .hasMessageContaining("does not exist");
  }
}
