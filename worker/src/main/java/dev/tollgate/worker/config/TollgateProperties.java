package dev.tollgate.worker.config;

import dev.tollgate.connect.TemporalSecurity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The worker's settings ({@code tollgate.*}).
 *
 * @param home folder for the registry, serving pointers, the events file and (by default) artifacts
 * @param artifacts where models and reports are stored, and the S3 client settings
 * @param shutdownGrace how long a stopping worker lets the stages in flight finish before it
 *     abandons them to Temporal's retries
 * @param guardian the guardians the worker enables by itself
 * @param registry where the model registry lives
 * @param serving how the smoke test reaches local serving
 * @param ecs how to reach ECS for {@code deploy.target: ecs}
 * @param slack how to reach Slack (notifications, approvals from its buttons)
 */
@Validated
@ConfigurationProperties("tollgate")
public record TollgateProperties(
    @NotNull @DefaultValue(".tollgate") Path home,
    @Valid @DefaultValue Temporal temporal,
    @Valid @DefaultValue ArtifactsProperties artifacts,
    @NotNull @DefaultValue("3s") Duration shutdownGrace,
    @Valid @DefaultValue Guardian guardian,
    @Valid @DefaultValue Registry registry,
    @Valid @DefaultValue Serving serving,
    @Valid @DefaultValue Ecs ecs,
    @Valid @DefaultValue Slack slack) {

  /**
   * Slack. Secrets come from the environment only (never from a spec or a payload).
   *
   * @param botToken {@code xoxb-...} (SLACK_BOT_TOKEN): chat.postMessage, threads, buttons; blank =
   *     no Web API
   * @param webhookUrl an incoming webhook (SLACK_WEBHOOK_URL), used when there is no bot token:
   *     messages without threads or working buttons
   * @param signingSecret (SLACK_SIGNING_SECRET) verifies requests to {@code /slack/interactions};
   *     blank = the endpoint refuses every request
   * @param apiUrl the Web API's URL prefix; tests point it at a local stand-in for slack.com
   * @param channel where runs whose spec names no {@code notify.slack.channel} are announced; blank
   *     = only runs that name one
   */
  public record Slack(
      @DefaultValue("") String botToken,
      @DefaultValue("") String webhookUrl,
      @DefaultValue("") String signingSecret,
      @DefaultValue("https://slack.com/api/") String apiUrl,
      @DefaultValue("") String channel) {

    /** Which secrets are set, never their values. */
    @Override
    public String toString() {
      return "Slack[botToken="
          + (botToken.isBlank() ? "" : "***")
          + ", webhookUrl="
          + (webhookUrl.isBlank() ? "" : "***")
          + ", signingSecret="
          + (signingSecret.isBlank() ? "" : "***")
          + ", apiUrl="
          + apiUrl
          + ", channel="
          + channel
          + "]";
    }
  }

  /**
   * @param endpoint an ECS-compatible API (moto, a VPC endpoint); blank = AWS's for the region
   * @param region blank = AWS_REGION, else us-east-1
   */
  public record Ecs(@DefaultValue("") String endpoint, @DefaultValue("") String region) {}

  /**
   * @param url base URL of the serving API for the smoke test (a load balancer in front of the
   *     workers); blank = this worker's own HTTP port on loopback
   */
  public record Serving(@DefaultValue("") String url) {}

  /**
   * @param url JDBC URL of the registry database ({@code jdbc:postgresql://host/tollgate}); blank =
   *     an H2 file under {@code home/registry}
   */
  public record Registry(
      @DefaultValue("") String url,
      @DefaultValue("") String user,
      @DefaultValue("") String password) {
    /** Without the password: properties end up in logs and actuator output. */
    @Override
    public String toString() {
      return "Registry[url="
          + url
          + ", user="
          + user
          + ", password="
          + (password.isEmpty() ? "" : "***")
          + "]";
    }
  }

  /**
   * @param specsDir a folder of specs whose guardians are enabled at start-up; {@code null} = none
   */
  public record Guardian(Path specsDir) {}

  /**
   * Where Temporal is.
   *
   * @param address host:port of a Temporal frontend; blank = start the embedded test server
   * @param embeddedPort the embedded server's port; 0 = any free port
   * @param apiKey Temporal Cloud API key (from TEMPORAL_API_KEY); blank = none
   */
  public record Temporal(
      @DefaultValue("") String address,
      @NotBlank @DefaultValue("default") String namespace,
      @Min(0) @Max(65535) @DefaultValue("7233") int embeddedPort,
      @DefaultValue Tls tls,
      @DefaultValue("") String apiKey) {

    public boolean embedded() {
      return address == null || address.isBlank();
    }

    /** TLS and API key settings, checked (files exist, cert has its key) when read. */
    public TemporalSecurity security() {
      return TemporalSecurity.of(tls.certFile(), tls.keyFile(), tls.caFile(), apiKey);
    }

    /** Without the API key: properties end up in logs and actuator output. */
    @Override
    public String toString() {
      return "Temporal[address="
          + address
          + ", namespace="
          + namespace
          + ", embeddedPort="
          + embeddedPort
          + ", tls="
          + tls
          + ", apiKey="
          + (apiKey == null || apiKey.isEmpty() ? "" : "***")
          + "]";
    }
  }

  /** Mutual TLS: PEM client certificate and PKCS#8 key, and an optional CA bundle. */
  public record Tls(
      @DefaultValue("") String certFile,
      @DefaultValue("") String keyFile,
      @DefaultValue("") String caFile) {}
}
