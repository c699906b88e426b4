package dev.tollgate.activities.serving;

/**
 * What one model serves now (its stable version and canary), from which pointer, and when the
 * pointer was last looked at.
 */
record Routing(ServingPointer pointer, ServedModel stable, ServedModel canary, long checkedAt) {

  /** The same, looked at just now. */
  Routing checked() {
    return new Routing(pointer, stable, canary, System.nanoTime());
  }

  /** The same, to be looked at on the next request. */
  Routing stale() {
    return new Routing(pointer, stable, canary, Long.MIN_VALUE / 2);
  }

  /**
   * The routing for {@code pointer}, after {@code previous} ({@code null}: nothing served yet). A
   * version loaded already is kept (no second load); who served it comes from the pointer. Throws
   * when a version it names cannot be loaded: the caller stays on {@code previous}.
   */
  static Routing of(ServingPointer pointer, Routing previous, ServedModelLoader loader) {
    if (previous != null && previous.pointer().equals(pointer)) return previous.checked();
    ServedBy stableBy =
        new ServedBy(
            pointer.deployedBy(), pointer.approvedBy(), pointer.rolledBackBy(), pointer.reason());
    ServedModel stable =
        previous != null && same(previous.stable(), pointer.version(), pointer.modelDigest())
            ? previous.stable().as(pointer.deployedAt(), stableBy)
            : loader.load(
                pointer.model(),
                pointer.version(),
                pointer.artifactUri(),
                pointer.modelDigest(),
                pointer.deployedAt(),
                stableBy);
    ServingPointer.Canary c = pointer.canary();
    if (c == null) return new Routing(pointer, stable, null, System.nanoTime());
    ServedBy canaryBy = new ServedBy(c.runId(), c.approvedBy(), null, null);
    ServedModel canary;
    if (previous != null && same(previous.canary(), c.version(), c.modelDigest())) {
      canary = previous.canary().as(pointer.deployedAt(), canaryBy);
    } else {
      try {
        canary =
            loader.load(
                pointer.model(),
                c.version(),
                c.artifactUri(),
                c.modelDigest(),
                pointer.deployedAt(),
                canaryBy);
      } catch (RuntimeException e) {
        // a stable version loaded just now for this routing is not going to serve: release it
        if (previous == null || !previous.keeps(stable)) stable.predictor().close();
        throw new CanaryLoadFailed(c.version(), e);
      }
    }
    return new Routing(pointer, stable, canary, System.nanoTime());
  }

  /** The canary's load failed (not the stable version's): the failure names the canary version. */
  static final class CanaryLoadFailed extends RuntimeException {
    final int version;

    CanaryLoadFailed(int version, RuntimeException cause) {
      super(cause.getMessage(), cause, false, false);
      this.version = version;
    }
  }

  /** Whether this routing serves {@code served}'s loaded model (stable or canary). */
  boolean keeps(ServedModel served) {
    return (stable != null && stable.predictor() == served.predictor())
        || (canary != null && canary.predictor() == served.predictor());
  }

  private static boolean same(ServedModel s, int version, String digest) {
    return s != null && s.version() == version && s.modelDigest().equals(digest);
  }

  String versions() {
    return "v" + stable.version() + (canary == null ? "" : ", canary v" + canary.version());
  }
}
