package dev.tollgate.activities.registry;

import dev.tollgate.activities.db.RegistryDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry contract on H2 in file mode, the embedded default, opened as the worker opens it:
 * the work done by a user without admin rights.
 */
class H2RegistryTest extends RegistryContract {
  @TempDir Path home;

  @Override
  String newDatabaseUrl() {
    return RegistryDatabase.h2Url(home);
  }

  @Override
  RegistryDatabase newDatabase() {
    return RegistryDatabase.openH2(home, null, null);
  }
}
