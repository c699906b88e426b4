package dev.tollgate.activities.data;

/**
 * The worker's kept data digests ({@link DataDigestCache}) as the loading benchmark sees them: it
 * times loads that hash the file, as a worker's first stage on it does, by forgetting them first.
 */
public final class KeptDigests {
  private KeptDigests() {}

  /** Forgets every kept digest: the next load of any file hashes it. */
  public static void forget() {
    DataDigestCache.clear();
  }

  /** Loads so far that used a kept digest instead of hashing the file. */
  public static long hits() {
    return DataDigestCache.hits();
  }
}
