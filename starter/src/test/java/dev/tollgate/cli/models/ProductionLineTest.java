package dev.tollgate.cli.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.stages.ModelRecord;
import dev.tollgate.stages.RegistryStage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code production} line of {@code tollgate models show}, from the registry's audit rows. */
class ProductionLineTest {
  private static ModelRecord.Version version(int n, RegistryStage stage) {
    return new ModelRecord.Version(
        n, stage, null, "r" + n, "file:/a", "d", "s", "x", Map.of(), "2026-12-06T10:00:00Z");
  }

  private static ModelRecord.Transition moved(
      int v, RegistryStage from, String actor, String reason, String run) {
    return new ModelRecord.Transition(
        v, from, RegistryStage.PRODUCTION, actor, reason, run, "2026-12-06T10:18:45.123Z");
  }

  @Test
  void aPromotionNamesItsApproversAndRun() {
    var m =
        new ModelRecord(
            "energy-load",
            List.of(version(1, RegistryStage.ARCHIVED), version(2, RegistryStage.PRODUCTION)),
            Map.of("champion", 2),
            List.of(
                moved(1, RegistryStage.NONE, "alice", "approved by alice", "r1"),
                moved(2, RegistryStage.NONE, "alice, bob", "approved by alice, bob", "r2")));

    assertThat(ProductionLine.of(m))
        .contains("production v2  approved by alice, bob  run r2  at 2026-12-06 10:18:45");
  }

  @Test
  void aRollbackNamesWhoWhyAndItsRun() {
    var m =
        new ModelRecord(
            "energy-load",
            List.of(version(1, RegistryStage.PRODUCTION), version(2, RegistryStage.ARCHIVED)),
            Map.of("champion", 1),
            List.of(
                moved(1, RegistryStage.NONE, "alice", "approved by alice", "r1"),
                moved(2, RegistryStage.NONE, "bob", "approved by bob", "r2"),
                moved(
                    1,
                    RegistryStage.ARCHIVED,
                    "carol",
                    "rolled back to by carol: latency after v2",
                    "rollback-20261206-1")));

    assertThat(ProductionLine.of(m))
        .contains(
            "production v1  rolled back to by carol (reason: latency after v2)  run"
                + " rollback-20261206-1  at 2026-12-06 10:18:45");
  }

  @Test
  void nothingInProductionNoLine() {
    var m =
        new ModelRecord(
            "energy-load", List.of(version(1, RegistryStage.ARCHIVED)), Map.of(), List.of());
    assertThat(ProductionLine.of(m)).isEmpty();
  }
}
