package dev.tollgate.worker.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tollgate.outbound.*}: what a run's spec may make the worker call (docs/security.md,
 * "Outbound calls"). The URLs a spec names ({@code notify.webhook.url}, {@code
 * tracking.mlflow.uri}, {@code deploy.ecs.url}) reach only the hosts listed here; the worker's own
 * addresses (Slack, the registry, S3, serving) are not spec input and are not checked.
 *
 * @param allowedHosts {@code TOLLGATE_OUTBOUND_ALLOWED_HOSTS}, comma-separated: {@code *} (any host
 *     on a public address; the default), {@code *.corp.example} (its hosts, private addresses too),
 *     {@code mlflow.corp.example}, {@code host:port}, {@code 127.0.0.1} (that host; loopback only
 *     when named so). Empty: spec URLs reach nothing. Link-local addresses (the cloud metadata
 *     service) are never reachable.
 * @param webhookSecret {@code TOLLGATE_WEBHOOK_SECRET}: signs each webhook delivery
 *     (X-Tollgate-Signature, HMAC-SHA256); empty = unsigned
 */
@Validated
@ConfigurationProperties("tollgate.outbound")
public record OutboundProperties(
    @NotNull @DefaultValue("*") List<String> allowedHosts,
    @Pattern(
            regexp = "|.{16,}",
            message = "must be empty or at least 16 characters (openssl rand -base64 32)")
        @DefaultValue("")
        String webhookSecret) {

  @Override
  public String toString() {
    return "OutboundProperties[allowedHosts="
        + allowedHosts
        + ", webhookSecret="
        + (webhookSecret.isEmpty() ? "" : "***")
        + "]";
  }
}
