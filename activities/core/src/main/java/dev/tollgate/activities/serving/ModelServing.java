package dev.tollgate.activities.serving;

import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.RowsEncoder;
import dev.tollgate.activities.models.Predictions;
import dev.tollgate.activities.models.UnusablePredictions;
import dev.tollgate.spec.PipelineSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Local serving: answers predictions with the version {@code serving/<model>/current.json} points
 * at (and its canary, for its share of the requests), for the names of its {@link ServingScope}. A
 * pointer is looked at on a request as its {@link RequestRecheck} says (the worker's: at most every
 * 250 ms, and at once after {@link #refresh}, the deploy stage of this process; {@code serve}'s:
 * never), and at every {@link #poll} (the {@link ServingPoller} of {@code tollgate serve}, which
 * loads without waiting for traffic, and is then the only one that follows a pointer). A changed
 * pointer loads the new model beside the old one and then swaps one reference, so a request in
 * flight finishes on the version it started with. A version that cannot be loaded leaves the
 * previous one serving ({@link PointerCheck}).
 */
public final class ModelServing {
  private final Path servingDir;
  private final ServingScope scope;
  private final PointerCheck check;
  private final RequestRecheck recheck;
  private final Map<String, ServingSlot> slots = new ConcurrentHashMap<>();

  public ModelServing(Path servingDir, ModelStore models) {
    this(servingDir, models, ServingScope.all(), LoadFailures.none());
  }

  public ModelServing(
      Path servingDir, ModelStore models, ServingScope scope, LoadFailures failures) {
    this(servingDir, models, scope, failures, RequestRecheck.DEFAULT);
  }

  /**
   * @param recheck whether and how often a request looks at a pointer again ({@link
   *     RequestRecheck#never()} where a {@link ServingPoller} polls)
   */
  public ModelServing(
      Path servingDir,
      ModelStore models,
      ServingScope scope,
      LoadFailures failures,
      RequestRecheck recheck) {
    this.servingDir = servingDir.toAbsolutePath().normalize();
    this.scope = scope;
    this.check = new PointerCheck(new ServedModelLoader(models), failures);
    this.recheck = recheck;
  }

  /**
   * Scores {@code rows}; {@code version} (may be {@code null}) asks for the stable or the canary.
   */
  public ServingAnswer predict(String model, List<Map<String, Object>> rows, Integer version) {
    // A version swapped out between reading the routing and scoring is retired: route again.
    for (int attempt = 1; ; attempt++) {
      Routing r = routing(model);
      ServedModel served = pick(r, version);
      Dataset data;
      try {
        data = RowsEncoder.encode(served.metadata().schemaOrNumeric(), rows);
      } catch (RowsEncoder.BadRow e) {
        throw new ServingError(400, e.getMessage());
      }
      try {
        Predictions p = served.predictor().predict(data, data.allRows());
        return ServedModelLoader.answer(served, r.canary() == served, p);
      } catch (UnusablePredictions e) {
        throw new ServingError(422, e.getMessage()); // the model's answer, not the server's fault
      } catch (RetiringPredictor.Retired e) {
        if (attempt == 3) throw new ServingError(503, "the model is being swapped; try again");
      }
    }
  }

  /**
   * Whether {@code model} is served here now. The serving API asks this before it reads a request's
   * body, so a request for any other name costs one look at a file and leaves nothing behind.
   *
   * @throws ServingError 404 when it is not; 503 when it is assigned here but not loaded
   */
  public void requireServed(String model) {
    routing(model);
  }

  /** The stable version of {@code model} (and its canary), for {@code GET /v1/models/{name}}. */
  public List<ServedModel> served(String model) {
    Routing r = routing(model);
    return r.canary() == null ? List.of(r.stable()) : List.of(r.stable(), r.canary());
  }

  /** Canary share of the model's traffic in percent, 0 without a canary. */
  public int canaryPercent(String model) {
    Routing r = routing(model);
    return r.canary() == null ? 0 : r.pointer().canary().percent();
  }

  /** The last version of {@code model} that could not be loaded, while it still fails; or null. */
  public LoadFailure loadFailure(String model) {
    ServingSlot slot = slots.get(model);
    return slot == null ? null : slot.failure();
  }

  /** Every model of this scope with a serving pointer. */
  public List<String> models() {
    if (!Files.isDirectory(servingDir)) return List.of();
    try (Stream<Path> dirs = Files.list(servingDir)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("current.json")))
          .map(d -> d.getFileName().toString())
          .filter(n -> PipelineSpec.MODEL_NAME.matcher(n).matches() && scope.covers(n))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + servingDir, e);
    }
  }

  /** The models this process must have loaded to be ready ({@link ServingScope#assigned}). */
  public List<String> assigned() {
    return scope.assigned(models());
  }

  public ServingScope scope() {
    return scope;
  }

  /** What {@code model} serves now, or why it serves nothing (for readiness). */
  public ModelState state(String model) {
    ServingSlot slot = slots.get(model);
    Routing r = slot == null ? null : slot.routing;
    LoadFailure failure = slot == null ? null : slot.failure();
    if (r != null) return new ModelState(model, r.stable().version(), failure, null);
    if (failure != null) {
      return new ModelState(
          model,
          null,
          failure,
          "v" + failure.version() + " could not be loaded: " + failure.reason());
    }
    return new ModelState(model, null, null, notDeployed(model));
  }

  /**
   * Looks at the model's pointer on the next request (the deploy stage calls it after a move),
   * where requests look at pointers at all ({@link RequestRecheck#onRequests()}).
   */
  public void refresh(String model) {
    ServingSlot slot = slots.get(model);
    if (slot != null && slot.routing != null) slot.routing = slot.routing.stale();
    if (slot != null) slot.retryNow();
  }

  /** Looks at the model's pointer now and loads what it names (the poller of {@code serve}). */
  public void poll(String model) {
    try {
      routingOrNull(model, true);
    } catch (ServingError notLoaded) {
      // told once per pointer change by the check; readiness reports it
    }
  }

  private ServedModel pick(Routing r, Integer version) {
    if (version != null) {
      if (r.stable().version() == version) return r.stable();
      if (r.canary() != null && r.canary().version() == version) return r.canary();
      throw new ServingError(
          404,
          r.stable().model() + " does not serve v" + version + " (serving: " + r.versions() + ")");
    }
    if (r.canary() != null
        && ThreadLocalRandom.current().nextInt(100) < r.pointer().canary().percent()) {
      return r.canary();
    }
    return r.stable();
  }

  private Routing routing(String model) {
    Routing r = routingOrNull(model, false);
    if (r != null) return r;
    if (model == null || !PipelineSpec.MODEL_NAME.matcher(model).matches()) {
      // not echoed: the name comes from a request path
      throw new ServingError(404, "not a model name (" + PipelineSpec.MODEL_NAME.pattern() + ")");
    }
    if (scope.assignedByName(model)) throw new ServingError(503, notDeployed(model));
    throw new ServingError(
        404, "no model " + model + " is served here (serving: " + models() + ")");
  }

  private String notDeployed(String model) {
    return model
        + " is assigned to this server but not deployed to "
        + scope.describe()
        + " yet (no "
        + model
        + "/current.json under "
        + servingDir
        + ")";
  }

  /**
   * The model's routing, or {@code null} when it has no serving pointer. A slot is made only for a
   * model with a pointer and dropped when the pointer goes: names asked for and never served do not
   * accumulate. A poll always looks at the pointer; a request only when its last look no longer
   * stands ({@link RequestRecheck}), and never loads a model no poll has looked at when requests do
   * not recheck.
   *
   * @throws ServingError 503 when it has a pointer but nothing could be loaded yet
   */
  private Routing routingOrNull(String model, boolean poll) {
    if (model == null || !PipelineSpec.MODEL_NAME.matcher(model).matches()) return null;
    if (!scope.covers(model)) return null;
    ServingSlot slot = slots.get(model);
    if (slot == null) {
      if (!Files.isRegularFile(pointerFile(model))) return null;
      if (!poll && !recheck.onRequests()) throw new ServingError(503, notPolledYet(model));
      slot = slots.computeIfAbsent(model, m -> new ServingSlot());
    }
    Routing r = poll ? null : standing(model, slot);
    if (r != null) return r;
    synchronized (slot) {
      r = poll ? null : standing(model, slot);
      if (r != null) return r;
      if (!poll && !recheck.onRequests() && slot.routing == null && slot.failed == null) {
        throw new ServingError(503, notPolledYet(model));
      }
      Routing next = check.look(model, pointerFile(model), slot);
      if (next == null && slot.routing == null && slot.failure() == null) {
        slots.remove(model, slot); // the pointer is gone
      }
      return next;
    }
  }

  /**
   * What a request answers with from the slot's last look while that look stands: its routing, or
   * the 503 of its failed load; {@code null} when the pointer is to be looked at now.
   */
  private Routing standing(String model, ServingSlot slot) {
    Routing r = slot.routing;
    if (r != null) return recheck.stands(r.checkedAt()) ? r : null;
    ServingSlot.Failed f = slot.failed;
    if (f != null && recheck.stands(f.triedAt())) throw PointerCheck.notLoaded(model, f.failure());
    return null;
  }

  private String notPolledYet(String model) {
    return model + " is deployed to " + scope.describe() + " but not loaded yet (at the next poll)";
  }

  private Path pointerFile(String model) {
    return servingDir.resolve(model).resolve("current.json");
  }

  /** How many models this process holds a slot for (tests: no slot per name asked). */
  int slotsHeld() {
    return slots.size();
  }
}
