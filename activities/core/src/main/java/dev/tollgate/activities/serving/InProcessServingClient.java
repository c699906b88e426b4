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
  public ServingStatus status(String model) {
    List<Integer> versions;
    try {
      versions = serving.served(model).stream().map(ServedModel::version).toList();
    } catch (ServingError e) {
      LoadFailure failed = serving.loadFailure(model);
      if (e.status() == 503 && failed != null) return new ServingStatus(List.of(), failed);
      throw e;
    }
    return new ServingStatus(versions, serving.loadFailure(model));
  }

  @Override
  public boolean healthy() {
    return true;
  }

  @Override
  public ServingAnswer predict(String model, List<Map<String, Object>> rows, Integer version) {
    return serving.predict(model, rows, version);
  }
}
