package dev.tollgate.adapters.ray;

import java.time.Duration;
import java.util.Objects;

/**
 * How long {@link HttpRayJobs} waits for Ray's dashboard. A status poll, a submit or a stop answers
 * in tens of milliseconds on a healthy head (docs/wip/i26-ray-facts.md), so the request timeout is
 * only the line between a slow head and an outage; a package upload carries the job's working
 * directory and gets longer.
 *
 * @param connect to open the TCP connection
 * @param request for one whole call: headers and body of the answer
 * @param upload for one whole package upload ({@code PUT /api/packages/gcs/…})
 */
public record RayTimeouts(Duration connect, Duration request, Duration upload) {
  /** 5 s to connect, 30 s a call, 5 min an upload. */
  public static final RayTimeouts DEFAULTS =
      new RayTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(5));

  public RayTimeouts {
    positive(connect, "connect");
    positive(request, "request");
    positive(upload, "upload");
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("the Ray " + name + " timeout must be positive: " + d);
    }
  }
}
