package dev.tollgate.worker.temporal;

import io.grpc.health.v1.HealthCheckResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * /actuator/health includes Temporal: a worker that cannot reach its server is not healthy, even if
 * the JVM is.
 */
@Component("temporal")
public class TemporalHealthIndicator implements HealthIndicator {
  private final WorkflowServiceStubs stubs;
  private final TemporalTarget target;

  public TemporalHealthIndicator(WorkflowServiceStubs stubs, TemporalTarget target) {
    this.stubs = stubs;
    this.target = target;
  }

  @Override
  public Health health() {
    Health.Builder builder =
        new Health.Builder()
            .withDetail("address", target.address())
            .withDetail("namespace", target.namespace())
            .withDetail("embedded", target.embedded());
    try {
      HealthCheckResponse response = stubs.healthCheck();
      boolean serving = response.getStatus() == HealthCheckResponse.ServingStatus.SERVING;
      return (serving ? builder.up() : builder.down())
          .withDetail("status", response.getStatus().name())
          .build();
    } catch (RuntimeException e) {
      return builder.down(e).build();
    }
  }
}
