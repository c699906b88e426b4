package dev.tollgate.activities.guardian;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.artifacts.ModelMetadata;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.DataSchema;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.activities.data.ReferenceSample;
import dev.tollgate.activities.metrics.DriftShares;
import dev.tollgate.activities.validate.DataDrift;
import dev.tollgate.activities.validate.DriftDetails;
import dev.tollgate.guardian.GuardianActivities;
import dev.tollgate.guardian.InspectRequest;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.stages.DataInspection;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.RegistryActivities;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guardian's data check: reads the newest data with the Production model's recorded schema and
 * tests it against the drift reference stored beside that model ({@code reference.json}: a seeded
 * sample and the moments of every training value, what validation compares with too), never the old
 * training data. Counts its rows against what Production was trained and validated on.
 */
public final class GuardianActivitiesImpl implements GuardianActivities {
  private static final Logger log = LoggerFactory.getLogger(GuardianActivitiesImpl.class);

  private final RegistryActivities registry;
  private final ModelStore models;
  private final DatasetLoader loader;

  private final DriftShares drift;

  public GuardianActivitiesImpl(
      RegistryActivities registry, ModelStore models, DatasetLoader loader) {
    this(registry, models, loader, null);
  }

  /** As above, each measured drift share set on {@code drift}'s gauge ({@code null}: not). */
  public GuardianActivitiesImpl(
      RegistryActivities registry, ModelStore models, DatasetLoader loader, DriftShares drift) {
    this.registry = registry;
    this.models = models;
    this.loader = loader;
    this.drift = drift;
  }

  @Override
  public DataInspection inspect(InspectRequest request) {
    String uri = request.data().train();
    String now = Instant.now().toString();
    ModelVersion production = registry.currentProduction(request.model());
    if (production == null) {
      return DataInspection.skipped(
          uri,
          "no Production model of " + request.model() + " yet: nothing to compare the data with",
          now);
    }
    ModelMetadata metadata = models.metadata(production.artifactUri());
    ReferenceSample reference = models.reference(production.artifactUri());
    if (reference == null) {
      return DataInspection.skipped(
          uri,
          production.label()
              + " has no stored drift reference (reference.json; trained by an older Tollgate):"
              + " the next deployed version will have one",
          now);
    }
    DataSchema schema = metadata.schemaOrNumeric();
    Dataset data = read(request, schema, uri);
    long trained = (long) metadata.trainRows() + metadata.holdoutRows();
    if (!DataDrift.covers(reference, data)) {
      return new DataInspection(
          uri,
          production.version(),
          production.label() + "'s drift reference does not cover its own features",
          null,
          List.of(),
          data.rows(),
          trained,
          now,
          null);
    }
    DataDrift.Judged judged = DataDrift.against(request.drift(), reference, data);
    List<DataInspection.Feature> features = new ArrayList<>();
    for (DriftDetails.Feature f : judged.features()) {
      features.add(summary(request.drift().method(), f));
    }
    DataInspection found =
        new DataInspection(
            uri,
            production.version(),
            null,
            judged.share(),
            features,
            data.rows(),
            trained,
            now,
            notCompared(request, schema, production));
    log.info("inspected {} for {}: {}", uri, request.model(), found.describe());
    if (drift != null)
      drift.record(request.model(), judged.share()); // a level: a retry sets it again
    return found;
  }

  /** The data as the Production model reads it; a column it needs and the file lacks is named. */
  private Dataset read(InspectRequest request, DataSchema schema, String uri) {
    try {
      return loader.loadInputs(request.data(), schema); // new data may not be labelled yet
    } catch (ApplicationFailure e) {
      if (!FailureTypes.INVALID_DATA.equals(e.getType())) throw e;
      throw Failures.invalidData("schedule.drift_data " + uri + ": " + e.getOriginalMessage());
    }
  }

  /** Spec features the Production model was trained without: not compared, and said so. */
  private static String notCompared(InspectRequest request, DataSchema schema, ModelVersion prod) {
    List<String> known = schema.features().stream().map(DataSchema.Feature::name).toList();
    List<String> missing =
        request.data().features().stream().filter(f -> !known.contains(f)).toList();
    return missing.isEmpty()
        ? null
        : "not compared: "
            + String.join(", ", missing)
            + " (data.features has them, "
            + prod.label()
            + " was trained without them)";
  }

  /** The statistic that decides under the spec's method, as validation's check line shows it. */
  private static DataInspection.Feature summary(String method, DriftDetails.Feature f) {
    boolean numeric = f.type().equals("numeric");
    return switch (method) {
      case "ks" ->
          numeric
              ? new DataInspection.Feature(f.name(), "ks_p", f.ksPValue(), f.drifted())
              : new DataInspection.Feature(f.name(), "chi2_p", f.chi2PValue(), f.drifted());
      case "z" ->
          numeric
              ? new DataInspection.Feature(f.name(), "z_p", f.zPValue(), f.drifted())
              : new DataInspection.Feature(f.name(), "chi2_p", f.chi2PValue(), f.drifted());
      case "chi2" -> new DataInspection.Feature(f.name(), "chi2_p", f.chi2PValue(), f.drifted());
      default -> new DataInspection.Feature(f.name(), "psi", f.psi(), f.drifted());
    };
  }
}
