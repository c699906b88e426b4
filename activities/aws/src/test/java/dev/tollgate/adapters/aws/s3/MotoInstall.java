package dev.tollgate.adapters.aws.s3;

import dev.tollgate.activities.tools.InstalledTool;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Finds {@code moto_server}: {@code $MOTO_SERVER} when set (an existing install), else whatever
 * {@code scripts/install-moto.sh} prints, which installs the pinned moto into the cache the first
 * time and only answers with the path afterwards.
 */
final class MotoInstall {
  private MotoInstall() {}

  static Path server() throws IOException, InterruptedException {
    return InstalledTool.find("MOTO_SERVER", "install-moto.sh", "the S3 tests need moto_server");
  }
}
