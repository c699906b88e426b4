package dev.tollgate.worker.data;

import dev.tollgate.activities.data.DataAccess;
import dev.tollgate.activities.data.DataBuckets;
import dev.tollgate.activities.data.DataRoots;
import dev.tollgate.activities.objects.S3Location;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tollgate.data-access.*}: which datasets runs on this worker may read. A spec names its
 * files ({@code data.train}, {@code schedule.drift_data}, {@code deploy.rollback.watch
 * .labelled_data}); these settings decide whether the worker opens them. Each list is
 * comma-separated in its environment variable; empty takes the default, {@value #NONE} allows
 * nothing.
 *
 * @param roots folders datasets may be read from (TOLLGATE_DATA_ROOTS), absolute or relative to the
 *     worker's working folder; default: the working folder the worker was started in
 * @param buckets {@code bucket} or {@code bucket/prefix} entries (TOLLGATE_DATA_BUCKETS); default:
 *     the artifact store's bucket when it is in S3, else none
 * @param maxBytes the most a spec's {@code data.max_bytes} may allow (TOLLGATE_DATA_MAX_BYTES,
 *     {@code 4GB} = 4 GiB): a spec lowers it, never raises it past what this worker's memory was
 *     sized for
 */
@Validated
@ConfigurationProperties("tollgate.data-access")
public record DataAccessProperties(
    @DefaultValue("") List<String> roots,
    @DefaultValue("") List<String> buckets,
    @NotNull @DefaultValue("4GB") DataSize maxBytes) {

  /** The value that allows nothing (a list cannot say "empty" in an environment variable). */
  public static final String NONE = "none";

  public DataAccessProperties {
    if (maxBytes != null && maxBytes.toBytes() < 1) {
      throw new IllegalArgumentException("tollgate.data-access.max-bytes must be positive");
    }
    roots = clean(roots);
    buckets = clean(buckets);
  }

  /**
   * The allow-list of a worker whose home is {@code home} (never read as data) and whose artifact
   * store is {@code artifactsUri}.
   *
   * @throws IllegalArgumentException naming a bucket entry that is not one
   */
  public DataAccess access(Path home, String artifactsUri) {
    List<Path> folders =
        roots.isEmpty()
            ? List.of(Path.of("").toAbsolutePath())
            : none(roots)
                ? List.of()
                : roots.stream().map(r -> Path.of(r).toAbsolutePath()).toList();
    List<String> allowed =
        buckets.isEmpty() ? artifactBucket(artifactsUri) : none(buckets) ? List.of() : buckets;
    return new DataAccess(
        DataRoots.of(folders, List.of(home)), DataBuckets.of(allowed), maxBytes.toBytes());
  }

  private static List<String> artifactBucket(String artifactsUri) {
    if (!S3Location.isS3(artifactsUri)) return List.of();
    return List.of(S3Location.parse(artifactsUri).bucket());
  }

  private static boolean none(List<String> entries) {
    if (entries.size() == 1 && entries.getFirst().equalsIgnoreCase(NONE)) return true;
    if (entries.stream().anyMatch(e -> e.equalsIgnoreCase(NONE))) {
      throw new IllegalArgumentException(
          "tollgate.data-access: '" + NONE + "' stands alone; it cannot be listed with " + entries);
    }
    return false;
  }

  private static List<String> clean(List<String> entries) {
    return entries == null
        ? List.of()
        : entries.stream().map(String::strip).filter(e -> !e.isEmpty()).toList();
  }
}
