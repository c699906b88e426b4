package dev.tollgate.activities.serving;

import dev.tollgate.activities.artifacts.ModelMetadata;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Local serving: answers predictions with the version {@code serving/<model>/current.json} points
 * at (and its canary, for its share of the requests). A pointer is looked at again at most every
 * {@link #RECHECK_NANOS} (or at once after {@link #refresh}, which the deploy stage of this process
 * calls); a changed pointer loads the new model beside the old one and then swaps one reference, so
 * a request in flight finishes on the version it started with and none is dropped.
 */
public final class ModelServing {
  static final long RECHECK_NANOS = 250_000_000L;

  private final Path servingDir;
  private final ModelStore models;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();

  /** What one model serves now, and when the pointer was last looked at. */
  private record Routing(
      ServingPointer pointer, ServedModel stable, ServedModel canary, long checkedAt) {}

  /** Per model: the current routing; reloads of one model do not race each other. */
  private static final class Slot {
    volatile Routing routing;
  }

  public ModelServing(Path servingDir, ModelStore models) {
    this.servingDir = servingDir.toAbsolutePath().normalize();
    this.models = models;
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
        return answer(served, r.canary() == served, p);
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
   * @throws ServingError 404 when it is not
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

  /** Every model with a serving pointer. */
  public List<String> models() {
    if (!Files.isDirectory(servingDir)) return List.of();
    try (Stream<Path> dirs = Files.list(servingDir)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("current.json")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + servingDir, e);
    }
  }

  /** Looks at the model's pointer on the next request (the deploy stage calls it after a move). */
  public void refresh(String model) {
    Slot slot = slots.get(model);
    if (slot != null && slot.routing != null) {
      Routing r = slot.routing;
      slot.routing = new Routing(r.pointer(), r.stable(), r.canary(), Long.MIN_VALUE / 2);
    }
  }

  private ServedModel pick(Routing r, Integer version) {
    if (version != null) {
      if (r.stable().version() == version) return r.stable();
      if (r.canary() != null && r.canary().version() == version) return r.canary();
      throw new ServingError(
          404,
          r.stable().model() + " does not serve v" + version + " (serving: " + versions(r) + ")");
    }
    if (r.canary() != null
        && ThreadLocalRandom.current().nextInt(100) < r.pointer().canary().percent()) {
      return r.canary();
    }
    return r.stable();
  }

  private Routing routing(String model) {
    Routing r = routingOrNull(model);
    if (r != null) return r;
    if (model == null || !PipelineSpec.MODEL_NAME.matcher(model).matches()) {
      // not echoed: the name comes from a request path
      throw new ServingError(404, "not a model name (" + PipelineSpec.MODEL_NAME.pattern() + ")");
    }
    throw new ServingError(
        404, "no model " + model + " is served here (serving: " + models() + ")");
  }

  /**
   * The model's routing, or {@code null} when it has no serving pointer. A slot is made only for a
   * model with a pointer and dropped when the pointer goes: names asked for and never served do not
   * accumulate.
   */
  private Routing routingOrNull(String model) {
    if (model == null || !PipelineSpec.MODEL_NAME.matcher(model).matches()) return null;
    Slot slot = slots.get(model);
    if (slot == null) {
      if (!Files.isRegularFile(pointerFile(model))) return null;
      slot = slots.computeIfAbsent(model, m -> new Slot());
    }
    Routing r = slot.routing;
    long now = System.nanoTime();
    if (r != null && now - r.checkedAt() < RECHECK_NANOS) return r;
    synchronized (slot) {
      r = slot.routing;
      if (r != null && System.nanoTime() - r.checkedAt() < RECHECK_NANOS) return r;
      ServingPointer pointer = ServingPointer.read(pointerFile(model));
      if (pointer == null) {
        slot.routing = null;
        slots.remove(model, slot);
        if (r != null) retireUnused(r, null);
        return null;
      }
      Routing next;
      if (r != null && r.pointer().equals(pointer)) {
        next = new Routing(pointer, r.stable(), r.canary(), System.nanoTime());
      } else {
        // A version loaded already is kept (no second load); who served it comes from the pointer.
        ServedBy stableBy =
            new ServedBy(
                pointer.deployedBy(),
                pointer.approvedBy(),
                pointer.rolledBackBy(),
                pointer.reason());
        ServedModel stable =
            r != null && same(r.stable(), pointer.version(), pointer.modelDigest())
                ? r.stable().as(pointer.deployedAt(), stableBy)
                : load(
                    pointer.model(),
                    pointer.version(),
                    pointer.artifactUri(),
                    pointer.modelDigest(),
                    pointer.deployedAt(),
                    stableBy);
        ServingPointer.Canary c = pointer.canary();
        ServedBy canaryBy = c == null ? null : new ServedBy(c.runId(), c.approvedBy(), null, null);
        ServedModel canary =
            c == null
                ? null
                : r != null && r.canary() != null && same(r.canary(), c.version(), c.modelDigest())
                    ? r.canary().as(pointer.deployedAt(), canaryBy)
                    : load(
                        pointer.model(),
                        c.version(),
                        c.artifactUri(),
                        c.modelDigest(),
                        pointer.deployedAt(),
                        canaryBy);
        next = new Routing(pointer, stable, canary, System.nanoTime());
      }
      slot.routing = next; // the swap: requests already holding the old routing finish on it
      if (r != null) retireUnused(r, next);
      return next;
    }
  }

  /**
   * Retires the models of {@code old} that {@code next} no longer serves, so a loaded version's
   * native resources (an ONNX session) are released once its last request has finished.
   */
  private static void retireUnused(Routing old, Routing next) {
    for (ServedModel served : new ServedModel[] {old.stable(), old.canary()}) {
      if (served != null && !keeps(next, served)) served.predictor().close();
    }
  }

  private static boolean keeps(Routing next, ServedModel served) {
    return next != null
        && ((next.stable() != null && next.stable().predictor() == served.predictor())
            || (next.canary() != null && next.canary().predictor() == served.predictor()));
  }

  private static boolean same(ServedModel s, int version, String digest) {
    return s != null && s.version() == version && s.modelDigest().equals(digest);
  }

  private ServedModel load(
      String model, int version, String uri, String digest, String since, ServedBy by) {
    ModelStore.Loaded loaded = models.load(uri, digest, null);
    // A booster of serving's own (every load reads a new one): one thread per request.
    var predictor =
        loaded.model() instanceof dev.tollgate.activities.models.XgboostModel x
            ? x.singleThreaded()
            : loaded.model();
    return new ServedModel(
        model, version, digest, since, by, new RetiringPredictor(predictor), loaded.metadata());
  }

  private static ServingAnswer answer(ServedModel served, boolean canary, Predictions p) {
    ModelMetadata m = served.metadata();
    List<Object> predictions = new ArrayList<>(p.size());
    List<Double> scores = p.probabilities() == null ? null : new ArrayList<>(p.size());
    for (int i = 0; i < p.size(); i++) {
      double v = p.values()[i];
      if (m.classes() != null) {
        predictions.add(m.classes().get((int) v));
        scores.add(p.probabilities()[i][(int) v]);
      } else if ("anomaly".equalsIgnoreCase(m.task())) {
        predictions.add((int) v);
        if (scores != null) scores.add(p.probabilities()[i][1]);
      } else {
        predictions.add(v);
      }
    }
    return new ServingAnswer(served.model(), served.version(), canary, predictions, scores);
  }

  private static String versions(Routing r) {
    return "v"
        + r.stable().version()
        + (r.canary() == null ? "" : ", canary v" + r.canary().version());
  }

  private Path pointerFile(String model) {
    return servingDir.resolve(model).resolve("current.json");
  }

  /** How many models this process holds a slot for (tests: no slot per name asked). */
  int slotsHeld() {
    return slots.size();
  }
}
