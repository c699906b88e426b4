package dev.tollgate.activities.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The data digests this worker process has computed for unchanged local files, so that the next
 * stage reading the same file (train, validate, a drift check, a guardian) does not hash it again:
 * at a million rows the hash costs more than the whole read. A digest is the run's record of its
 * data, so an entry is used only while the file is provably the one hashed:
 *
 * <ul>
 *   <li>It is kept under the file's real path with its state as {@code stat} gives it, the link
 *       itself never followed: device and inode, size, modification time and change time (ctime),
 *       both to the nanosecond. It is used only when all of them are still the same. Writing the
 *       file, replacing it (a new inode), or putting its modification time back (which sets its
 *       ctime: no program can set that) each make it a miss.
 *   <li>It is kept only when the state read before hashing equals the state read after, and both
 *       times are more than {@link #RACY} older than the start of the hash (git's "racy" rule): a
 *       write in the same clock tick as a stored time could otherwise change the bytes and leave
 *       the times as they were. Any later write sets a newer ctime, so a stored state cannot match
 *       a file changed since.
 *   <li>Only a file the worker reads in place: an S3 download (or any copy that {@link
 *       DatasetFiles.Local} removes after use) is always hashed and never kept.
 *   <li>Where the times cannot be read to the nanosecond with a ctime (no {@code unix} attribute
 *       view), nothing is kept.
 * </ul>
 *
 * <p>At most {@link #CAPACITY} files, the least recently used forgotten first; process-wide and
 * thread-safe. It is always on: a hit returns what a fresh hash of the same bytes would, and a
 * reader that used a hit checks the state again after its read ({@link Lookup#confirm}).
 */
final class DataDigestCache {
  static final int CAPACITY = 4096;
  static final Duration RACY = Duration.ofSeconds(2);

  private static final String STAT = "unix:dev,ino,size,lastModifiedTime,ctime,isRegularFile";
  private static final AtomicLong HITS = new AtomicLong();
  private static final AtomicLong HASHED = new AtomicLong();
  private static final AtomicLong STORED = new AtomicLong();

  // access order: a hit makes an entry the most recently used
  private static final Map<Path, Kept> ENTRIES =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Kept> eldest) {
          return size() > CAPACITY;
        }
      };

  private DataDigestCache() {}

  /** What identifies a file's bytes without reading them. */
  record State(long device, long inode, long size, Instant modified, Instant changed) {}

  private record Kept(State state, String sha256) {}

  /**
   * The digest known for {@code file} in its present state, looked up before it is read; {@code
   * downloaded} (a copy removed after use) is never looked up nor kept.
   */
  static Lookup lookup(Path file, boolean downloaded) {
    Instant started = Instant.now(); // before the state is read: the racy rule's reference
    if (downloaded) return new Lookup(file, null, null, started, null);
    State before = stateOf(file);
    Path key = before == null ? null : realPath(file);
    if (key == null) return new Lookup(file, null, null, started, null);
    Kept entry;
    synchronized (ENTRIES) {
      entry = ENTRIES.get(key);
    }
    boolean hit = entry != null && entry.state.equals(before);
    if (hit) HITS.incrementAndGet();
    return new Lookup(file, key, before, started, hit ? entry.sha256 : null);
  }

  /** A look-up's outcome, and where the reader reports the digest it computed on a miss. */
  static final class Lookup {
    private final Path file;
    private final Path key;
    private final State before;
    private final Instant started;
    private final String known;

    private Lookup(Path file, Path key, State before, Instant started, String known) {
      this.file = file;
      this.key = key;
      this.before = before;
      this.started = started;
      this.known = known;
    }

    /** The digest kept for the file in the state it had before the read, or {@code null}. */
    String known() {
      return known;
    }

    /**
     * The known digest, once the file is seen to be still in the state it was kept in, after the
     * reader has read it: a file written, replaced or renamed over while it was read is refused (a
     * load again hashes what it then finds) rather than recorded under the old bytes' digest.
     */
    String confirm() throws IOException {
      if (known == null) throw new IllegalStateException("no digest was known for " + file);
      if (!before.equals(stateOf(file))) {
        throw new IOException(
            file
                + " changed while it was read (its size, times or inode are not those it had"
                + " when it was opened): load it again");
      }
      return known;
    }

    /** Told the digest of the whole file, hashed on a miss: kept if the file was left alone. */
    void computed(String sha256) {
      HASHED.incrementAndGet();
      if (key == null || known != null) return;
      State after = stateOf(file);
      Instant settled = started.minus(RACY);
      if (before.equals(after)
          && before.modified.isBefore(settled)
          && before.changed.isBefore(settled)) {
        synchronized (ENTRIES) {
          ENTRIES.put(key, new Kept(before, sha256));
        }
        STORED.incrementAndGet();
      }
    }
  }

  /** The file's state, or {@code null} when it cannot be kept (not a regular file, no ctime). */
  static State stateOf(Path file) {
    Map<String, Object> stat;
    try {
      stat = Files.readAttributes(file, STAT, LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
      return null; // no unix view here, or unreadable: the reader reports the latter itself
    }
    if (!Boolean.TRUE.equals(stat.get("isRegularFile"))) return null;
    return new State(
        (Long) stat.get("dev"),
        (Long) stat.get("ino"),
        (Long) stat.get("size"),
        ((FileTime) stat.get("lastModifiedTime")).toInstant(),
        ((FileTime) stat.get("ctime")).toInstant());
  }

  private static Path realPath(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  /** Loads that used a kept digest instead of hashing. */
  static long hits() {
    return HITS.get();
  }

  /** Whole-file hashes computed on a miss or for a download. */
  static long hashed() {
    return HASHED.get();
  }

  /** Digests kept. */
  static long stored() {
    return STORED.get();
  }

  static int size() {
    synchronized (ENTRIES) {
      return ENTRIES.size();
    }
  }

  /** Forgets every digest (tests: each starts from an empty cache). */
  static void clear() {
    synchronized (ENTRIES) {
      ENTRIES.clear();
    }
  }
}
