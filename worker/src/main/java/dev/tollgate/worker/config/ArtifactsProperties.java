package dev.tollgate.worker.config;

import dev.tollgate.adapters.aws.s3.S3Settings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where models and validation reports are stored ({@code tollgate.artifacts.*}).
 *
 * @param uri empty = {@code <tollgate.home>/artifacts}; {@code file:PATH} (absolute, or relative to
 *     the working folder, e.g. {@code file:.tollgate/artifacts}); or {@code s3://bucket/prefix}
 * @param s3 how to reach S3, for an s3:// store and for s3:// datasets alike
 */
public record ArtifactsProperties(
    @Pattern(
            regexp = "|file:.+|s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?",
            message = "must be empty, file:PATH or s3://bucket/prefix")
        @DefaultValue("")
        String uri,
    @Valid @DefaultValue S3 s3) {

  /**
   * The S3 client. Credentials are not settings: the AWS SDK's default chain finds them
   * (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, a container or instance role).
   *
   * @param endpoint empty = AWS; else an S3-compatible server, e.g. {@code http://localhost:9000}
   * @param region empty = AWS_REGION or the profile's, else us-east-1 following bucket redirects
   * @param pathStyle {@code http://host/bucket/key} addressing, which most S3-compatible servers
   *     need
   * @param maxAttempts attempts per S3 call; the SDK backs off between them on 5xx and throttling,
   *     1 s doubling to 15 s: the default 12 wait out one to two minutes of outage
   */
  public record S3(
      @Pattern(regexp = "|https?://.+", message = "must be empty or an http(s):// URL")
          @DefaultValue("")
          String endpoint,
      @DefaultValue("") String region,
      @DefaultValue("false") boolean pathStyle,
      @Min(1) @Max(20) @DefaultValue("12") int maxAttempts) {

    public S3Settings settings() {
      return new S3Settings(
          endpoint.isBlank() ? null : URI.create(endpoint), region, pathStyle, maxAttempts);
    }
  }
}
