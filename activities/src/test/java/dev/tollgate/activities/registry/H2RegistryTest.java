package dev.tollgate.activities.registry;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The registry contract on H2 in file mode, the embedded default. */
class H2RegistryTest extends RegistryContract {
  @TempDir Path home;

  @Override
  String newDatabaseUrl() {
    return RegistryDatabase.h2Url(home);
  }
}
