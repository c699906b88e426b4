package dev.tollgate.activities.registry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The registry contract on a real PostgreSQL server (Debian's, started by the tests). */
@ExtendWith(PostgresServer.Extension.class)
class PostgresRegistryTest extends RegistryContract {
  private static PostgresServer server;

  @BeforeAll
  static void server(PostgresServer started) {
    server = started;
  }

  @Override
  String newDatabaseUrl() throws Exception {
    return server.newDatabase();
  }
}
