package dev.tollgate.worker.config;

import dev.tollgate.activities.notify.WebhookSignature;
import dev.tollgate.activities.outbound.OutboundHttp;
import dev.tollgate.activities.outbound.OutboundPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one HTTP client for URLs that come from a spec, over the worker's allow-list, and the webhook
 * signature. An allow-list entry that cannot be read stops the worker at start-up, naming it.
 */
@Configuration(proxyBeanMethods = false)
public class OutboundConfig {
  private static final Logger log = LoggerFactory.getLogger(OutboundConfig.class);

  @Bean(destroyMethod = "close")
  OutboundHttp outboundHttp(OutboundProperties properties) {
    OutboundPolicy policy = OutboundPolicy.of(properties.allowedHosts());
    log.info(
        "spec URLs (webhook, MLflow, ECS service) may reach: {}{}",
        policy.allowedHosts().isEmpty() ? "nothing" : policy.allowedHosts(),
        " (" + OutboundPolicy.SETTING + "; loopback and private addresses only when named)");
    return new OutboundHttp(policy);
  }

  @Bean
  WebhookSignature webhookSignature(OutboundProperties properties) {
    return WebhookSignature.withSecret(properties.webhookSecret());
  }
}
