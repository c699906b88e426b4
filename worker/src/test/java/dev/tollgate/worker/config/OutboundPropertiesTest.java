package dev.tollgate.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.notify.WebhookSignature;
import dev.tollgate.activities.outbound.OutboundHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** {@code tollgate.outbound.*} bound, validated and turned into the client for spec URLs. */
class OutboundPropertiesTest {
  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(OutboundProperties.class)
  @Import(OutboundConfig.class)
  static class Wiring {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Wiring.class);

  @Test
  void byDefaultAnyPublicHostAndUnsignedWebhooks() {
    runner.run(
        context -> {
          assertThat(context.getBean(OutboundHttp.class).policy().allowedHosts())
              .containsExactly("*");
          assertThat(context.getBean(WebhookSignature.class).signs()).isFalse();
        });
  }

  @Test
  void aCommaSeparatedListAsTheEnvironmentGivesIt() {
    runner
        .withPropertyValues(
            "tollgate.outbound.allowed-hosts=mlflow.corp.example:5000, *.hooks.example,127.0.0.1",
            "tollgate.outbound.webhook-secret=0123456789abcdef-secret")
        .run(
            context -> {
              assertThat(context.getBean(OutboundHttp.class).policy().allowedHosts())
                  .containsExactly("mlflow.corp.example:5000", "*.hooks.example", "127.0.0.1");
              assertThat(context.getBean(WebhookSignature.class).signs()).isTrue();
              assertThat(context.getBean(OutboundProperties.class).toString())
                  .doesNotContain("0123456789abcdef-secret");
            });
  }

  @Test
  void anEmptyListReachesNothing() {
    runner
        .withPropertyValues("tollgate.outbound.allowed-hosts=")
        .run(
            context ->
                assertThat(context.getBean(OutboundHttp.class).policy().allowedHosts()).isEmpty());
  }

  @Test
  void anEntryThatIsNotAHostOrAShortSecretStopsTheWorker() {
    runner
        .withPropertyValues("tollgate.outbound.allowed-hosts=http://mlflow:5000")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining(
                        "tollgate.outbound.allowed-hosts: 'http://mlflow:5000' is not a host"));
    runner
        .withPropertyValues("tollgate.outbound.webhook-secret=short")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("must be empty or at least 16 characters"));
  }
}
