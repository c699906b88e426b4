package dev.tollgate.activities.commits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes checkouts nobody planned for {@code retention}: one folder per commit would otherwise
 * fill the disk. A checkout's modification time is when it was laid out or last planned again, so a
 * commit delivered anew keeps its folder. Only what the worker made goes: folders named as a commit
 * SHA and its own half-laid-out leftovers, never anything else an operator keeps there. Looked at
 * when a new checkout is laid out, at most once an hour.
 */
final class CheckoutPruner {
  private static final Logger log = LoggerFactory.getLogger(CheckoutPruner.class);
  private static final Pattern OURS =
      Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}|\\.incoming-[0-9a-f]{40,64}-\\d+(\\.tar)?");
  private static final Duration EVERY = Duration.ofHours(1);

  private final Path checkouts;
  private final Duration retention; // zero: keep every checkout
  private final Clock clock;
  private final AtomicReference<Instant> next = new AtomicReference<>(Instant.MIN);

  CheckoutPruner(Path checkouts, Duration retention, Clock clock) {
    this.checkouts = checkouts;
    this.retention = retention;
    this.clock = clock;
  }

  /** Marks {@code checkout} as planned now, so that it is kept for another {@code retention}. */
  void touch(Path checkout) {
    try {
      Files.setLastModifiedTime(checkout, FileTime.from(clock.instant()));
    } catch (IOException e) {
      // kept or not, the checkout itself is whole
    }
  }

  /** Deletes the expired checkouts, unless it did so less than an hour ago. */
  void maybePrune() {
    if (retention.isZero()) return;
    Instant now = clock.instant();
    Instant due = next.get();
    if (now.isBefore(due) || !next.compareAndSet(due, now.plus(EVERY))) return;
    Instant before = now.minus(retention);
    List<Path> expired;
    try (Stream<Path> entries = Files.list(checkouts)) {
      expired =
          entries
              .filter(p -> OURS.matcher(p.getFileName().toString()).matches())
              .filter(p -> modified(p).isBefore(before))
              .toList();
    } catch (IOException e) {
      return;
    }
    expired.forEach(Tree::delete);
    if (!expired.isEmpty()) {
      log.info(
          "deleted {} checkout(s) in {} not planned for {} (tollgate.github.checkout-retention)",
          expired.size(),
          checkouts,
          retention);
    }
  }

  private static Instant modified(Path p) {
    try {
      return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant();
    } catch (IOException e) {
      return Instant.MAX;
    }
  }
}
