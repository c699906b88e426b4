package dev.tollgate.adapters.ray;

import dev.tollgate.activities.outbound.ErrorText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The ids and names that go into a Jobs API path. Tollgate's submission ids are {@code
 * [A-Za-z0-9_-]} (docs/wip/i26-protocol.md) and Ray's own {@code raysubmit_…}; a dot or colon is
 * allowed for ids made elsewhere, but never {@code .} or {@code ..} alone, nor a slash, so a value
 * can only ever name one job. Each is percent-encoded all the same.
 */
final class RayPaths {
  static final int MAX_ID = 200;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:-]*");
  private static final Pattern PACKAGE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,150}\\.zip");

  private RayPaths() {}

  /** {@code /api/jobs/<id>} plus {@code suffix}. */
  static String job(String submissionId, String suffix) {
    if (submissionId == null
        || submissionId.length() > MAX_ID
        || !ID.matcher(submissionId).matches()) {
      throw new IllegalArgumentException(
          "not a Ray submission id (letters, digits, _ - . :, at most "
              + MAX_ID
              + "): "
              + ErrorText.excerpt(String.valueOf(submissionId), 60));
    }
    return "/api/jobs/" + encode(submissionId) + suffix;
  }

  /** {@code /api/packages/gcs/<name>}. */
  static String gcsPackage(String name) {
    if (name == null || !PACKAGE.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "not a Ray package name (letters, digits, _ -, ending .zip, e.g. _ray_pkg_<hash>.zip): "
              + ErrorText.excerpt(String.valueOf(name), 60));
    }
    return "/api/packages/gcs/" + encode(name);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
