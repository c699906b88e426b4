package dev.tollgate.worker.serving;

import dev.tollgate.activities.serving.HttpServingClient;
import dev.tollgate.activities.serving.ServingAnswer;
import dev.tollgate.activities.serving.ServingClient;
import dev.tollgate.activities.serving.ServingStatus;
import java.util.List;
import java.util.Map;

/**
 * The smoke test's HTTP client for the serving of one environment: {@link
 * ServingAddress#uri(String)} (the environment's own URL, else the common one, else this worker's
 * port). Asked without an environment, it is production's.
 */
final class EnvironmentServingClient implements ServingClient {
  private final ServingAddress address;
  private final HttpServingClient http;

  EnvironmentServingClient(ServingAddress address) {
    this(address, "production");
  }

  private EnvironmentServingClient(ServingAddress address, String environment) {
    this.address = address;
    this.http = new HttpServingClient(() -> address.uri(environment));
  }

  @Override
  public ServingClient forEnvironment(String environment) {
    return new EnvironmentServingClient(address, environment);
  }

  @Override
  public ServingStatus status(String model) {
    return http.status(model);
  }

  @Override
  public boolean healthy() {
    return http.healthy();
  }

  @Override
  public String unhealthy() {
    return http.unhealthy();
  }

  @Override
  public ServingAnswer predict(String model, List<Map<String, Object>> rows, Integer version) {
    return http.predict(model, rows, version);
  }
}
