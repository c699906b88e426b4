package dev.tollgate.activities.data;

/**
 * The most bytes of text a stage reads of one dataset: the spec's {@code data.max_bytes}, within
 * the worker's own ceiling ({@code tollgate.data-access.max-bytes}). A spec may lower the limit,
 * never raise it past what the worker's memory was sized for; a refusal names the limit that held.
 *
 * @param bytes the limit
 * @param workersCeiling whether it is the worker's ceiling rather than the spec's value
 */
public record ByteLimit(long bytes, boolean workersCeiling) {

  /** The smaller of the spec's and the worker's limits. */
  public static ByteLimit of(long spec, long worker) {
    return spec <= worker ? new ByteLimit(spec, false) : new ByteLimit(worker, true);
  }

  /** "data.max_bytes (N bytes)", or the worker's setting. */
  String describe() {
    return workersCeiling
        ? "this worker's limit ("
            + bytes
            + " bytes, tollgate.data-access.max-bytes, TOLLGATE_DATA_MAX_BYTES)"
        : "data.max_bytes (" + bytes + " bytes)";
  }

  /** What to do about it: the spec can raise its own limit, not the worker's. */
  String advice() {
    return workersCeiling
        ? ": data.max_bytes can only lower it; sample the data, or ask the worker's operator"
        : ": raise data.max_bytes if the worker has the memory for it, or sample the data";
  }
}
