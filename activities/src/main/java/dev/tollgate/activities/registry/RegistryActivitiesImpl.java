package dev.tollgate.activities.registry;

import dev.tollgate.activities.Failures;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.PromoteRequest;
import dev.tollgate.stages.RegisterRequest;
import dev.tollgate.stages.RegistryActivities;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file registry. Every call is idempotent, because Temporal may deliver an activity more than
 * once: a run registers one version however often it asks, and promoting the Production version
 * again changes nothing.
 */
public final class RegistryActivitiesImpl implements RegistryActivities {
  private static final Logger log = LoggerFactory.getLogger(RegistryActivitiesImpl.class);

  private final RegistryStore store;

  public RegistryActivitiesImpl(RegistryStore store) {
    this.store = store;
  }

  @Override
  public ModelVersion registerCandidate(RegisterRequest request) {
    String model = request.model();
    return store.update(
        model,
        doc -> {
          var existing = doc.byRun(request.runId());
          if (existing.isPresent()) {
            return new RegistryStore.Change<>(null, existing.get().toModelVersion(model));
          }
          var entry =
              new RegistryDocument.Entry(
                  doc.nextVersion(),
                  request.runId(),
                  request.artifactUri(),
                  request.modelDigest(),
                  request.metrics(),
                  Instant.now().toString(),
                  RegistryDocument.Stage.CANDIDATE);
          log.info(
              "registered model={} version={} run={}", model, entry.version(), request.runId());
          return new RegistryStore.Change<>(doc.withVersion(entry), entry.toModelVersion(model));
        });
  }

  @Override
  public ModelVersion currentProduction(String model) {
    return store.read(model).production().map(e -> e.toModelVersion(model)).orElse(null);
  }

  @Override
  public void promote(PromoteRequest request) {
    String model = request.model();
    store.update(
        model,
        doc -> {
          var entry =
              doc.byVersion(request.version())
                  .orElseThrow(
                      () ->
                          Failures.invalidData(
                              model
                                  + " has no version "
                                  + request.version()
                                  + " (registered: "
                                  + doc.versions().stream()
                                      .map(e -> String.valueOf(e.version()))
                                      .toList()
                                  + ")"));
          if (entry.stage() == RegistryDocument.Stage.PRODUCTION) {
            return new RegistryStore.Change<>(null, null); // already promoted: a retried call
          }
          Integer previous = doc.production().map(RegistryDocument.Entry::version).orElse(null);
          var promotion =
              new RegistryDocument.Promotion(
                  entry.version(),
                  request.runId(),
                  request.approvedBy(),
                  previous,
                  Instant.now().toString());
          log.info(
              "promoted model={} version={} previous={} approved_by={}",
              model,
              entry.version(),
              previous,
              request.approvedBy());
          return new RegistryStore.Change<>(doc.promoted(entry.version(), promotion), null);
        });
  }
}
