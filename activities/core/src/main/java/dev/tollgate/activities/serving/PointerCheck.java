package dev.tollgate.activities.serving;

import io.temporal.failure.ApplicationFailure;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One look at a model's serving pointer: loads what a changed pointer names and swaps it in. A
 * version that cannot be loaded (an unreadable or damaged artifact, a digest that does not match)
 * leaves the previous version serving: it is logged at WARN and counted once per pointer change,
 * without a stack trace, and tried again at the next look. With nothing served before, the model
 * answers 503 naming the reason.
 */
final class PointerCheck {
  private static final Logger log = LoggerFactory.getLogger(PointerCheck.class);
  private static final int REASON_CHARS = 400;

  private final ServedModelLoader loader;
  private final LoadFailures failures;

  PointerCheck(ServedModelLoader loader, LoadFailures failures) {
    this.loader = loader;
    this.failures = failures;
  }

  /**
   * The routing {@code slot} answers with after looking at {@code file}; {@code null} when the
   * pointer is gone. Called under the slot's lock, when {@link ModelServing} decides a look is due
   * (every poll; on a request, as its {@link RequestRecheck} says): a failed load is tried again
   * exactly as often.
   *
   * @throws ServingError 503 when nothing could be loaded yet
   */
  Routing look(String model, java.nio.file.Path file, ServingSlot slot) {
    Routing r = slot.routing;
    ServingSlot.Failed f = slot.failed;
    ServingPointer pointer;
    try {
      pointer = ServingPointer.read(file);
    } catch (RuntimeException e) {
      return failed(model, slot, r, null, 0, "its serving pointer cannot be read: " + reason(e));
    }
    if (pointer == null) {
      slot.routing = null;
      slot.failed = null;
      if (r != null) retireUnused(r, null);
      return null;
    }
    Routing next;
    try {
      next = Routing.of(pointer, r, loader);
    } catch (RuntimeException e) {
      int version = e instanceof Routing.CanaryLoadFailed c ? c.version : pointer.version();
      return failed(model, slot, r, pointer, version, reason(e));
    }
    slot.routing = next; // the swap: requests already holding the old routing finish on it
    if (f != null) {
      log.info("{} v{} loaded: serving it (an earlier load had failed)", model, pointer.version());
      slot.failed = null;
    }
    if (r != null) retireUnused(r, next);
    return next;
  }

  private Routing failed(
      String model,
      ServingSlot slot,
      Routing r,
      ServingPointer pointer,
      int version,
      String reason) {
    ServingSlot.Failed before = slot.failed;
    LoadFailure failure = new LoadFailure(version, reason);
    if (before == null || !Objects.equals(before.pointer(), pointer)) {
      // once per pointer change: the retries at every poll stay quiet
      log.warn(
          "{} v{} could not be loaded ({}); {}; tried again at every look at its pointer",
          model,
          version,
          reason,
          r == null ? "nothing serves it yet (503)" : "still serving " + r.versions());
      failures.failed(model, version, reason);
    }
    slot.failed = new ServingSlot.Failed(pointer, failure, System.nanoTime());
    if (r == null) throw notLoaded(model, failure);
    slot.routing = r.checked();
    return slot.routing;
  }

  static ServingError notLoaded(String model, LoadFailure f) {
    return new ServingError(
        503, model + " v" + f.version() + " could not be loaded: " + f.reason() + "; not serving");
  }

  /**
   * Retires the models of {@code old} that {@code next} no longer serves, so a loaded version's
   * native resources (an ONNX session) are released once its last request has finished.
   */
  private static void retireUnused(Routing old, Routing next) {
    for (ServedModel served : new ServedModel[] {old.stable(), old.canary()}) {
      if (served != null && (next == null || !next.keeps(served))) served.predictor().close();
    }
  }

  private static String reason(Throwable e) {
    if (e instanceof Routing.CanaryLoadFailed && e.getCause() != null) e = e.getCause();
    String m =
        e instanceof ApplicationFailure a
            ? a.getOriginalMessage()
            : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    m = m.replaceAll("\\s+", " ").strip();
    return m.length() > REASON_CHARS ? m.substring(0, REASON_CHARS) + "…" : m;
  }
}
