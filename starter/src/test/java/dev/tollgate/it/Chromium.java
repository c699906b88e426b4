package dev.tollgate.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium (Debian's package, installed by scripts/install-chromium.sh): dumps a page's
 * DOM after its scripts ran, or takes a screenshot. A fresh profile folder per call.
 */
final class Chromium {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private Chromium() {}

  static Path binary() {
    Path bin = Path.of(System.getProperty("tollgate.chromium", "/usr/bin/chromium"));
    if (!Files.isExecutable(bin)) {
      throw new IllegalStateException(
          bin
              + " is missing: the UI test needs Chromium. Install it with"
              + " scripts/install-chromium.sh (or run scripts/test.sh, which does), or point"
              + " -Dtollgate.chromium at one.");
    }
    return bin;
  }

  /** The DOM after up to 15 s of (virtual) time for the page's scripts. */
  static ProcResult dumpDom(String url) {
    return run(url, "--dump-dom");
  }

  static ProcResult screenshot(String url, Path png) {
    return run(url, "--screenshot=" + png, "--window-size=1400,1000");
  }

  private static ProcResult run(String url, String... what) {
    List<String> command = new ArrayList<>();
    command.add(binary().toString());
    command.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + ItSettings.newWorkDir("chromium-profile"),
            "--virtual-time-budget=15000"));
    command.addAll(List.of(what));
    command.add(url);
    return Commands.run(command, Map.of(), TIMEOUT);
  }
}
