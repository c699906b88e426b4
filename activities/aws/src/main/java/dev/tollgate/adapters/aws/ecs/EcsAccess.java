package dev.tollgate.adapters.aws.ecs;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.EcsClientBuilder;

/**
 * The worker's ECS client, built on first use (a worker deploying locally never looks for AWS
 * credentials). Credentials come from the SDK's default chain; {@code endpoint} points at an
 * ECS-compatible API (moto in the tests), {@code region} defaults to the SDK's chain, else
 * us-east-1.
 */
public final class EcsAccess implements AutoCloseable {
  private final URI endpoint;
  private final String region;
  private EcsClient client;

  public EcsAccess(URI endpoint, String region) {
    this.endpoint = endpoint;
    this.region = region == null || region.isBlank() ? null : region.strip();
  }

  public synchronized EcsClient client() {
    if (client == null) {
      EcsClientBuilder b =
          EcsClient.builder().credentialsProvider(DefaultCredentialsProvider.builder().build());
      String r = region != null ? region : System.getenv("AWS_REGION");
      b.region(r == null || r.isBlank() ? Region.US_EAST_1 : Region.of(r));
      if (endpoint != null) b.endpointOverride(endpoint);
      client = b.build();
    }
    return client;
  }

  @Override
  public synchronized void close() {
    if (client != null) client.close();
    client = null;
  }
}
