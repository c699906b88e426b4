package dev.tollgate.activities;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of Tollgate that is running, from a resource Maven fills in at build time, so it is
 * known in tests and in the IDE as well as in the jar (a manifest entry exists only in the jar).
 */
public final class TollgateVersion {
  private static final String RESOURCE = "/dev/tollgate/activities/tollgate-version.properties";
  private static final String VERSION = read();

  private TollgateVersion() {}

  /** Such as {@code 0.1.0-SNAPSHOT}; {@code unknown} if the resource is missing or unfilled. */
  public static String get() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = TollgateVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown");
      return version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
