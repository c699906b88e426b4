package dev.tollgate.activities.serving;

import java.util.List;
import java.util.Map;

/** {@link ServingClient} calling {@link ModelServing} directly, for tests and tools. */
public final class InProcessServingClient implements ServingClient {
  private final ModelServing serving;

  public InProcessServingClient(ModelServing serving) {
    this.serving = serving;
  }

  @Override
  public List<Integer> versions(String model) {
    return serving.served(model).stream().map(ServedModel::version).toList();
  }

  @Override
  public boolean healthy() {
    return true;
  }

  @Override
  public ServingAnswer predict(String model, List<Map<String, Object>> rows, Integer version) {
    return serving.predict(model, rows, version);
  }

  @Override
  public LoadFailure loadFailure(String model) {
    return serving.loadFailure(model);
  }
}
