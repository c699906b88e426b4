package dev.tollgate.worker.github;

import dev.tollgate.activities.data.DataAccess;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a spec fetched from a commit can read the datasets its commit holds: the checkouts folder
 * must lie under a data root ({@code tollgate.data-access.roots}), not in a hidden folder and not
 * in the worker's home. The checkouts are never added to the roots behind the operator's back (the
 * roots are the operator's list of what runs may read); the default folder, {@code
 * tollgate-checkouts} in the working folder, is under the default root. Said once at start-up, as a
 * warning when it is not so: specs reading S3 or nothing local still run.
 */
final class CheckoutDataRoots {
  private static final Logger log = LoggerFactory.getLogger(CheckoutDataRoots.class);

  private CheckoutDataRoots() {}

  static void check(Path checkouts, DataAccess access, Path home) {
    problem(checkouts, access, home)
        .ifPresentOrElse(
            p -> log.warn("GitHub checkouts in {}: {}", checkouts, p),
            () ->
                log.info(
                    "GitHub checkouts in {}: specs from a commit read the datasets the commit"
                        + " holds there",
                    checkouts));
  }

  /** Why a checkout's datasets cannot be read, or empty when they can. */
  static Optional<String> problem(Path checkouts, DataAccess access, Path home) {
    Path folder = checkouts.toAbsolutePath().normalize();
    if (folder.startsWith(home.toAbsolutePath().normalize())) {
      return Optional.of(
          "it lies in the worker's home, which is never read as data: a spec from a commit cannot"
              + " read the datasets the commit holds (set TOLLGATE_GITHUB_CHECKOUTS elsewhere)");
    }
    for (Path root : access.roots().roots()) {
      if (!folder.startsWith(root)) continue;
      for (Path name : root.relativize(folder)) {
        if (name.toString().startsWith(".")) {
          return Optional.of(
              "it lies in a hidden folder under the data root "
                  + root
                  + ", which is never read as data (set TOLLGATE_GITHUB_CHECKOUTS elsewhere)");
        }
      }
      return Optional.empty();
    }
    return Optional.of(
        "it is under none of the data roots "
            + access.roots().roots()
            + ": a spec from a commit cannot read the datasets the commit holds (add the folder"
            + " to TOLLGATE_DATA_ROOTS if it should)");
  }
}
