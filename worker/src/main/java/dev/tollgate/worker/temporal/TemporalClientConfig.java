package dev.tollgate.worker.temporal;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import dev.tollgate.codec.Keyring;
import dev.tollgate.codec.TollgateDataConverter;
import dev.tollgate.connect.PlaintextWarning;
import dev.tollgate.worker.config.TollgateProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connection to Temporal: the configured address, or the embedded server when there is none.
 * Wired by hand rather than by temporal-spring-boot-starter, whose test server skips time (see
 * docs/adr/0002-temporal-wiring.md).
 */
@Configuration(proxyBeanMethods = false)
public class TemporalClientConfig {
  private static final Logger log = LoggerFactory.getLogger(TemporalClientConfig.class);

  /** Starts the embedded server when no address is configured; closes it with the app. */
  @Bean(destroyMethod = "close")
  TemporalEndpoint temporalEndpoint(
      TollgateProperties properties, EmbeddedServerProperties embedded) {
    return TemporalEndpoint.open(properties.temporal(), embedded.embeddedBind());
  }

  @Bean
  TemporalTarget temporalTarget(TemporalEndpoint endpoint) {
    return endpoint.target();
  }

  /**
   * Temporal's client and worker metrics go to Micrometer, so /actuator/prometheus has them. Closed
   * with {@code shutdownNow}: by then the workers have stopped, and a call still open (the demo's
   * long poll for a result) is abandoned with the app; a graceful close would let it hold the
   * embedded server's own shutdown for its 5 s.
   */
  @Bean(destroyMethod = "shutdownNow")
  WorkflowServiceStubs workflowServiceStubs(TemporalTarget target, MeterRegistry meters) {
    Scope scope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(meters))
            .reportEvery(com.uber.m3.util.Duration.ofSeconds(10));
    return WorkflowServiceStubs.newServiceStubs(
        target
            .security()
            .applyTo(WorkflowServiceStubsOptions.newBuilder())
            .setTarget(target.address())
            .setMetricsScope(scope)
            .build());
  }

  /**
   * Payloads encrypted with {@code tollgate.codec.key} (env TOLLGATE_CODEC_KEY) when set: the
   * workers read and write through this client's converter. A key that cannot be used stops the
   * worker here, naming its id and the problem (never the key). Without one, a server on another
   * machine gets a warning: it stores every payload in clear.
   */
  @Bean
  DataConverter dataConverter(
      @Value("${tollgate.codec.key:}") String codecKey, TemporalTarget target) {
    Optional<Keyring> keyring = Keyring.parse(codecKey);
    keyring.ifPresentOrElse(
        k -> log.info("payload codec: AES-GCM, keys {} (the first encrypts)", k.ids()),
        () -> log.info("payload codec: none (tollgate.codec.key is not set): payloads in clear"));
    if (!target.embedded()) {
      PlaintextWarning.about(target.address(), keyring.isPresent()).ifPresent(log::warn);
    }
    return TollgateDataConverter.of(keyring);
  }

  @Bean
  WorkflowClient workflowClient(
      WorkflowServiceStubs stubs, TemporalTarget target, DataConverter converter) {
    return WorkflowClient.newInstance(
        stubs,
        WorkflowClientOptions.newBuilder()
            .setNamespace(target.namespace())
            .setDataConverter(converter)
            .build());
  }
}
