package dev.tollgate.activities.wiring;

import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.artifacts.LocalArtifactStore;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.DatasetFiles;
import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.activities.db.RegistryDatabase;
import dev.tollgate.activities.deploy.DeployActivitiesImpl;
import dev.tollgate.activities.deploy.Deployer;
import dev.tollgate.activities.files.OwnerOnly;
import dev.tollgate.activities.guardian.GuardianActivitiesImpl;
import dev.tollgate.activities.metrics.DriftShares;
import dev.tollgate.activities.notify.EventLog;
import dev.tollgate.activities.notify.EventSink;
import dev.tollgate.activities.notify.JdbcDeliveryLedger;
import dev.tollgate.activities.notify.NotifyActivitiesImpl;
import dev.tollgate.activities.registry.JdbcRegistry;
import dev.tollgate.activities.registry.RegistryActivitiesImpl;
import dev.tollgate.activities.serving.InProcessServingClient;
import dev.tollgate.activities.serving.ModelServing;
import dev.tollgate.activities.serving.ServingClient;
import dev.tollgate.activities.tracking.RunTracker;
import dev.tollgate.activities.train.TrainActivitiesImpl;
import dev.tollgate.activities.train.command.TrainingCommands;
import dev.tollgate.activities.validate.ValidateActivitiesImpl;
import dev.tollgate.guardian.GuardianActivities;
import dev.tollgate.stages.DeployActivities;
import dev.tollgate.stages.NotifyActivities;
import dev.tollgate.stages.RegistryActivities;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.ValidateActivities;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The five stage implementations and the guardian's data check, wired over one home folder and one
 * artifact store. The worker registers them; nothing else needs to know how they are built. The
 * notify stage is {@code notifyStage}, as in {@code StageOptions.notifyStage()}: a record component
 * cannot be called {@code notify}, which would clash with {@code Object.notify()}.
 *
 * <p>Layout of the home folder:
 *
 * <pre>
 * artifacts/models/&lt;model&gt;/&lt;sha256&gt;/    model.ubj or model.bin + metadata.json (content-addressed)
 * artifacts/reports/&lt;model&gt;/v&lt;n&gt;/       validation.json
 * artifacts/runs/&lt;model&gt;/&lt;run&gt;/          train.log of a training command (head and tail, 1 MB)
 *     (artifacts/ is the default store: with an S3 store these keys live under its prefix)
 * registry/registry.mv.db                  the registry (H2) unless tollgate.registry.url names one
 * serving/&lt;model&gt;/current.json            what local serving answers with
 * events.jsonl                             one JSON line per pipeline event
 * </pre>
 */
public record StageActivities(
    TrainActivities train,
    ValidateActivities validate,
    RegistryActivities registry,
    DeployActivities deploy,
    NotifyActivities notifyStage,
    GuardianActivities guardian) {

  public StageActivities {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(validate, "validate");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(deploy, "deploy");
    Objects.requireNonNull(notifyStage, "notifyStage");
    Objects.requireNonNull(guardian, "guardian");
  }

  /**
   * Every stage over {@code home}, artifacts in {@code home/artifacts}, local datasets only, the
   * registry in an H2 file under {@code home/registry} (tests, tools).
   */
  public static StageActivities create(Path home) {
    Path root = home.toAbsolutePath().normalize();
    return create(
        root, new LocalArtifactStore(root.resolve("artifacts")), DatasetFiles.localOnly());
  }

  /** As {@link #create(Path, ArtifactStore, DatasetFiles, JdbcRegistry)}, the registry in H2. */
  public static StageActivities create(Path home, ArtifactStore artifacts, DatasetFiles datasets) {
    Path root = home.toAbsolutePath().normalize();
    return create(
        root, artifacts, datasets, new JdbcRegistry(RegistryDatabase.openH2(root, null, null)));
  }

  /**
   * Every stage over {@code home} (serving pointers, events), models and reports in {@code
   * artifacts}, datasets opened by {@code datasets}, versions in {@code registryDb}. Folders are
   * created when first written; the home is made 0700 (only its owner may open it).
   */
  public static StageActivities create(
      Path home, ArtifactStore artifacts, DatasetFiles datasets, JdbcRegistry registryDb) {
    Path root = home.toAbsolutePath().normalize();
    ModelServing serving = new ModelServing(root.resolve("serving"), new ModelStore(artifacts));
    return create(
        home,
        artifacts,
        datasets,
        registryDb,
        new InProcessServingClient(serving),
        serving::refresh);
  }

  /**
   * As above, the smoke test reaching serving through {@code client} (HTTP in the worker) and
   * {@code moved} told of every pointer change.
   */
  public static StageActivities create(
      Path home,
      ArtifactStore artifacts,
      DatasetFiles datasets,
      JdbcRegistry registryDb,
      ServingClient client,
      java.util.function.Consumer<String> moved) {
    return create(home, artifacts, datasets, registryDb, client, moved, null);
  }

  /**
   * As above, with ECS deploys through {@code ecs} ({@code null}: target ecs refused), and no run
   * tracker: a spec's {@code tracking} is ignored (the worker wires the MLflow adapter's).
   */
  public static StageActivities create(
      Path home,
      ArtifactStore artifacts,
      DatasetFiles datasets,
      JdbcRegistry registryDb,
      ServingClient client,
      java.util.function.Consumer<String> moved,
      Deployer ecs) {
    return create(home, artifacts, datasets, registryDb, client, moved, ecs, List.of(), null, null);
  }

  /**
   * As above, each event also handed to {@code sinks} (metrics, Slack, a webhook) after the events
   * file, once per event and sink (the registry database keeps the ledger), and the guardian's
   * drift measurements to {@code drift} ({@code null}: not recorded); runs whose spec has {@code
   * tracking.mlflow} tracked through {@code tracker} (validation; {@code null}: not tracked), its
   * {@code champion} alias moved with Production (registry).
   */
  public static StageActivities create(
      Path home,
      ArtifactStore artifacts,
      DatasetFiles datasets,
      JdbcRegistry registryDb,
      ServingClient client,
      java.util.function.Consumer<String> moved,
      Deployer ecs,
      List<EventSink> sinks,
      DriftShares drift,
      RunTracker tracker) {
    return create(
        home,
        artifacts,
        datasets,
        registryDb,
        client,
        moved,
        ecs,
        sinks,
        drift,
        tracker,
        TrainingCommands.disabled());
  }

  /**
   * As above, a spec's {@code training.command} run by {@code commands} (the worker's switch:
   * refused with how to turn it on when off); each command's {@code train.log} kept in {@code
   * artifacts} under {@code runs/<model>/<run>/}.
   */
  public static StageActivities create(
      Path home,
      ArtifactStore artifacts,
      DatasetFiles datasets,
      JdbcRegistry registryDb,
      ServingClient client,
      java.util.function.Consumer<String> moved,
      Deployer ecs,
      List<EventSink> sinks,
      DriftShares drift,
      RunTracker tracker,
      TrainingCommands commands) {
    Path root = OwnerOnly.home(home.toAbsolutePath().normalize());
    OwnerOnly.file(root.resolve("events.jsonl")); // created 0600; one from an earlier version
    DatasetLoader loader = new DatasetLoader(datasets);
    ModelStore models = new ModelStore(artifacts);
    RegistryActivities registry = new RegistryActivitiesImpl(registryDb, tracker);
    return new StageActivities(
        new TrainActivitiesImpl(loader, models, artifacts, datasets, commands),
        new ValidateActivitiesImpl(loader, models, artifacts, tracker),
        registry,
        new DeployActivitiesImpl(loader, models, root.resolve("serving"), client, moved, ecs),
        new NotifyActivitiesImpl(
            eventSinks(new EventLog(root.resolve("events.jsonl")), sinks),
            new JdbcDeliveryLedger(registryDb.database().dataSource())),
        new GuardianActivitiesImpl(registry, models, loader, drift));
  }

  private static List<EventSink> eventSinks(EventLog events, List<EventSink> others) {
    List<EventSink> all = new ArrayList<>();
    all.add(events);
    all.addAll(others);
    return all;
  }

  /** Every implementation, for {@code Worker.registerActivitiesImplementations(...)}. */
  public Object[] all() {
    return new Object[] {train, validate, registry, deploy, notifyStage, guardian};
  }
}
