package dev.tollgate.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.db.RegistryDatabase;
import dev.tollgate.activities.registry.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Slack threads table on PostgreSQL, which shares the registry's database and migrations: keyed
 * by workflow id (V4), so two models' runs with the same run id keep their threads apart.
 */
@ExtendWith(PostgresServer.Extension.class)
class PostgresSlackThreadsTest {
  @Test
  void threadsAreKeyedByWorkflowId(PostgresServer server) throws Exception {
    try (RegistryDatabase db = RegistryDatabase.open(server.newDatabase(), null, null)) {
      var threads = new JdbcSlackThreads(db.dataSource());
      threads.remember("pipeline/energy/r1", "C1", "1.1");

      assertThat(threads.root("pipeline/churn/r1")).isNull();
      assertThat(threads.root("pipeline/energy/r1").ts()).isEqualTo("1.1");
    }
  }
}
