package dev.tollgate.activities;

import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.CsvLoader;
import dev.tollgate.activities.deploy.DeployActivitiesImpl;
import dev.tollgate.activities.notify.EventLog;
import dev.tollgate.activities.notify.NotifyActivitiesImpl;
import dev.tollgate.activities.registry.RegistryActivitiesImpl;
import dev.tollgate.activities.registry.RegistryStore;
import dev.tollgate.activities.train.TrainActivitiesImpl;
import dev.tollgate.activities.validate.ValidateActivitiesImpl;
import dev.tollgate.stages.DeployActivities;
import dev.tollgate.stages.NotifyActivities;
import dev.tollgate.stages.RegistryActivities;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.ValidateActivities;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The five stage implementations, wired over one home folder. The worker registers them; nothing
 * else needs to know how they are built. The notify stage is {@code notifyStage}, as in {@code
 * StageOptions.notifyStage()}: a record component cannot be called {@code notify}, which would
 * clash with {@code Object.notify()}.
 *
 * <p>Layout of the home folder:
 *
 * <pre>
 * artifacts/models/&lt;model&gt;/&lt;sha256&gt;/    model.ubj or model.bin + metadata.json (content-addressed)
 * artifacts/reports/&lt;model&gt;/v&lt;n&gt;/       validation.json
 * registry/&lt;model&gt;.json                    versions and promotions
 * serving/&lt;model&gt;/current.json            what local serving answers with
 * events.jsonl                             one JSON line per pipeline event
 * </pre>
 */
public record StageActivities(
    TrainActivities train,
    ValidateActivities validate,
    RegistryActivities registry,
    DeployActivities deploy,
    NotifyActivities notifyStage) {

  public StageActivities {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(validate, "validate");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(deploy, "deploy");
    Objects.requireNonNull(notifyStage, "notifyStage");
  }

  /** Wires every stage over {@code home}; folders are created when first written. */
  public static StageActivities create(Path home) {
    Path root = home.toAbsolutePath().normalize();
    CsvLoader loader = new CsvLoader();
    ModelStore models = new ModelStore(root.resolve("artifacts").resolve("models"));
    return new StageActivities(
        new TrainActivitiesImpl(loader, models),
        new ValidateActivitiesImpl(loader, models, root.resolve("artifacts").resolve("reports")),
        new RegistryActivitiesImpl(new RegistryStore(root.resolve("registry"))),
        new DeployActivitiesImpl(loader, models, root.resolve("serving")),
        new NotifyActivitiesImpl(new EventLog(root.resolve("events.jsonl"))));
  }

  /** Every implementation, for {@code Worker.registerActivitiesImplementations(...)}. */
  public Object[] all() {
    return new Object[] {train, validate, registry, deploy, notifyStage};
  }
}
