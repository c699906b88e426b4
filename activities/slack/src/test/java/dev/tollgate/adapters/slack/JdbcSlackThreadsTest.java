package dev.tollgate.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.db.RegistryDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcSlackThreadsTest {
  @TempDir Path home;

  @Test
  void theFirstRootOfARunWinsAndOutlivesTheProcessAndRunIdsOfTwoModelsDoNotMeet() {
    try (RegistryDatabase db = RegistryDatabase.open(RegistryDatabase.h2Url(home), null, null)) {
      SlackThreads threads = new JdbcSlackThreads(db.dataSource());
      assertThat(threads.root("pipeline/energy/r1")).isNull();

      threads.remember("pipeline/energy/r1", "C1", "1.000001");
      threads.remember("pipeline/energy/r1", "C2", "2.000002");
      threads.remember("pipeline/churn/r1", "C1", "3.000003");

      assertThat(threads.root("pipeline/energy/r1"))
          .isEqualTo(new SlackThreads.Root("C1", "1.000001"));
      assertThat(threads.root("pipeline/churn/r1"))
          .isEqualTo(new SlackThreads.Root("C1", "3.000003"));
    }
    try (RegistryDatabase db = RegistryDatabase.open(RegistryDatabase.h2Url(home), null, null)) {
      assertThat(new JdbcSlackThreads(db.dataSource()).root("pipeline/energy/r1"))
          .isEqualTo(new SlackThreads.Root("C1", "1.000001"));
    }
  }
}
