package dev.tollgate.activities.registry;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.db.RegistryDatabase;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.stages.ArchiveRequest;
import dev.tollgate.stages.ModelRecord;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.PromoteRequest;
import dev.tollgate.stages.RegisterRequest;
import dev.tollgate.stages.RegisteredCandidate;
import dev.tollgate.stages.RegistryStage;
import dev.tollgate.stages.RollbackRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the registry promises, on every database it runs on (H2 and PostgreSQL subclasses): one
 * version per run, idempotent moves with one audit row each, promotions of one model serialized,
 * rollback checks, aliases.
 */
abstract class RegistryContract {
  private RegistryDatabase db;
  RegistryActivitiesImpl registry;

  /** A fresh, empty database's URL. */
  abstract String newDatabaseUrl() throws Exception;

  /** A fresh, empty database, opened as the worker opens this kind. */
  RegistryDatabase newDatabase() throws Exception {
    return RegistryDatabase.open(newDatabaseUrl(), null, null);
  }

  @BeforeEach
  void open() throws Exception {
    db = newDatabase();
    registry = new RegistryActivitiesImpl(new JdbcRegistry(db));
  }

  @AfterEach
  void close() {
    db.close();
  }

  static RegisterRequest candidate(String run) {
    return new RegisterRequest(
        "energy",
        run,
        "file:/artifacts/" + run + "/",
        "digest-" + run,
        Map.of("rmse", 1.5),
        "data-" + run,
        "spec-" + run,
        "{\"model\":\"energy\"}");
  }

  private ModelRecord record() {
    return registry.describeModel("energy");
  }

  /**
   * The notification tables share the registry's database and its migrations: keyed by workflow id
   * (V4), so two models' runs with the same run id keep their ledger rows apart (and their Slack
   * threads: the Slack adapter's {@code PostgresSlackThreadsTest}).
   */
  @Test
  void notificationTablesAreKeyedByWorkflowIdOnThisDatabase() {
    var ledger = new dev.tollgate.activities.notify.JdbcDeliveryLedger(db.dataSource());
    var energy =
        new dev.tollgate.stages.ApprovalReminder(
            new dev.tollgate.stages.EventHeader("energy", "r1", "pipeline/energy/r1", "m", null, 4),
            java.util.List.of());
    var churn =
        new dev.tollgate.stages.ApprovalReminder(
            new dev.tollgate.stages.EventHeader("churn", "r1", "pipeline/churn/r1", "m", null, 4),
            java.util.List.of());
    ledger.record(energy, "slack");
    ledger.record(energy, "slack"); // a raced second attempt: one row

    assertThat(ledger.delivered(energy)).containsExactly("slack");
    assertThat(ledger.delivered(churn)).isEmpty();
  }

  @Test
  void registeringTheSameRunTwiceGivesTheSameVersionWithItsLineage() {
    ModelVersion first = registry.registerCandidate(candidate("run-a"));
    ModelVersion retried = registry.registerCandidate(candidate("run-a"));
    ModelVersion second = registry.registerCandidate(candidate("run-b"));

    assertThat(first.version()).isEqualTo(1);
    assertThat(retried).isEqualTo(first);
    assertThat(second.version()).isEqualTo(2);
    ModelRecord.Version v1 = record().versions().getFirst();
    assertThat(v1.stage()).isEqualTo(RegistryStage.NONE);
    assertThat(v1.dataSha256()).isEqualTo("data-run-a");
    assertThat(v1.specDigest()).isEqualTo("spec-run-a");
    assertThat(v1.metrics()).containsEntry("rmse", 1.5);
    assertThat(record().versions()).hasSize(2);
  }

  @Test
  void registeringReadsTheProductionVersionInTheSameCall() {
    RegisteredCandidate first = registry.registerCandidateAndReadProduction(candidate("run-a"));
    assertThat(first.candidate().version()).isEqualTo(1);
    assertThat(first.production()).as("a model's first version has none to compare").isNull();
    registry.promote(new PromoteRequest("energy", 1, "run-a", "alice"));

    RegisteredCandidate second = registry.registerCandidateAndReadProduction(candidate("run-b"));
    RegisteredCandidate retried = registry.registerCandidateAndReadProduction(candidate("run-b"));
    assertThat(second.candidate().version()).isEqualTo(2);
    assertThat(second.production().version()).isEqualTo(1);
    assertThat(retried).isEqualTo(second);
  }

  @Test
  void promotionMovesStagesAndTheChampionAliasWithOneAuditRowEach() {
    assertThat(registry.currentProduction("energy")).isNull();
    registry.registerCandidate(candidate("run-a"));
    registry.registerCandidate(candidate("run-b"));
    registry.promote(new PromoteRequest("energy", 1, "run-a", "alice"));
    registry.promote(new PromoteRequest("energy", 2, "run-b", "bob"));
    registry.promote(new PromoteRequest("energy", 2, "run-b", "bob")); // a retried activity

    assertThat(registry.currentProduction("energy").version()).isEqualTo(2);
    ModelRecord r = record();
    assertThat(r.versions())
        .extracting(ModelRecord.Version::stage)
        .containsExactly(RegistryStage.ARCHIVED, RegistryStage.PRODUCTION);
    assertThat(r.versions().getFirst().stageReason()).isEqualTo("replaced by v2");
    assertThat(r.aliases()).containsExactly(Map.entry("champion", 2));
    assertThat(r.audit())
        .extracting(
            t -> t.version() + " " + t.from() + "->" + t.to() + " " + t.actor() + " " + t.runId())
        .containsExactly(
            "1 NONE->PRODUCTION alice run-a",
            "1 PRODUCTION->ARCHIVED bob run-b",
            "2 NONE->PRODUCTION bob run-b");
  }

  @Test
  void concurrentPromotionsOfOneModelSerialize() throws Exception {
    int rounds = 10;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < rounds; round++) {
        int a = registry.registerCandidate(candidate("a-" + round)).version();
        int b = registry.registerCandidate(candidate("b-" + round)).version();
        CyclicBarrier start = new CyclicBarrier(2);
        RegistryActivitiesImpl other = new RegistryActivitiesImpl(new JdbcRegistry(db));
        Future<?> one = pool.submit(() -> promoteAt(start, registry, a, "a-"));
        Future<?> two = pool.submit(() -> promoteAt(start, other, b, "b-"));
        one.get();
        two.get();
        assertThat(record().versions().stream().filter(v -> v.stage() == RegistryStage.PRODUCTION))
            .as("round " + round)
            .hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
    // Serialized: every promotion archived exactly the version that was Production just before it.
    List<ModelRecord.Transition> audit = record().audit();
    Integer production = null;
    for (ModelRecord.Transition t : audit) {
      if (t.to() == RegistryStage.ARCHIVED) {
        assertThat(t.version())
            .as("archives the current Production: " + audit)
            .isEqualTo(production);
      } else if (t.to() == RegistryStage.PRODUCTION) {
        production = t.version();
      }
    }
    assertThat(audit.stream().filter(t -> t.to() == RegistryStage.PRODUCTION)).hasSize(2 * rounds);
    assertThat(audit.stream().filter(t -> t.to() == RegistryStage.ARCHIVED))
        .hasSize(2 * rounds - 1);
  }

  private static Void promoteAt(
      CyclicBarrier start, RegistryActivitiesImpl r, int version, String prefix) throws Exception {
    start.await();
    String run = r.describeModel("energy").versions().get(version - 1).runId();
    r.promote(new PromoteRequest("energy", version, run, prefix + "approver"));
    return null;
  }

  @Test
  void concurrentRegistrationsGetDistinctVersions() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ModelVersion>> futures =
          IntStream.range(0, 20)
              .mapToObj(i -> pool.submit(() -> registry.registerCandidate(candidate("run-" + i))))
              .toList();
      List<Integer> versions = futures.stream().map(f -> get(f).version()).sorted().toList();
      assertThat(versions).isEqualTo(IntStream.rangeClosed(1, 20).boxed().toList());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void archiveKeepsItsReasonAndIsIdempotent() {
    registry.registerCandidate(candidate("run-a"));
    registry.archive(new ArchiveRequest("energy", 1, "run-a", "pipeline", "smoke_failed"));
    registry.archive(new ArchiveRequest("energy", 1, "run-a", "pipeline", "smoke_failed"));
    assertThat(record().versions().getFirst().stage()).isEqualTo(RegistryStage.ARCHIVED);
    assertThat(record().versions().getFirst().stageReason()).isEqualTo("smoke_failed");
    assertThat(record().audit()).hasSize(1);
  }

  @Test
  void rollbackGoesBackToThePreviousProductionAndRefusesWhatNeverServed() {
    for (String run : List.of("run-a", "run-b", "run-c"))
      registry.registerCandidate(candidate(run));
    registry.promote(new PromoteRequest("energy", 1, "run-a", "alice"));
    registry.promote(new PromoteRequest("energy", 2, "run-b", "alice"));

    var never =
        businessFailure(
            () -> registry.planRollback(new RollbackRequest("energy", 3, "rb-1", "carol", "x")),
            FailureTypes.INVALID_DATA);
    assertThat(never.getOriginalMessage())
        .isEqualTo(
            "--to 3: energy v3 never passed validation and a smoke test (it was never in Production or Staging): refused");
    var missing =
        businessFailure(
            () -> registry.planRollback(new RollbackRequest("energy", 9, "rb-1", "carol", "x")),
            FailureTypes.INVALID_DATA);
    assertThat(missing.getOriginalMessage())
        .isEqualTo("--to 9: energy has no version 9 (registered: [1, 2, 3])");
    var current =
        businessFailure(
            () -> registry.planRollback(new RollbackRequest("energy", 2, "rb-1", "carol", "x")),
            FailureTypes.INVALID_DATA);
    assertThat(current.getOriginalMessage())
        .isEqualTo("--to 2: energy v2 is in Production already");

    var plan =
        registry.planRollback(new RollbackRequest("energy", null, "rb-1", "carol", "latency"));
    assertThat(plan.current().version()).isEqualTo(2);
    assertThat(plan.target().version()).isEqualTo(1);
    assertThat(plan.targetSpecJson()).isEqualTo("{\"model\":\"energy\"}");
    registry.restoreProduction(new RollbackRequest("energy", null, "rb-1", "carol", "latency"));
    registry.restoreProduction(
        new RollbackRequest("energy", null, "rb-1", "carol", "latency")); // retried
    assertThat(registry.currentProduction("energy").version()).isEqualTo(1);
    ModelRecord r = record();
    assertThat(r.aliases()).containsEntry("champion", 1);
    assertThat(r.versions().get(1).stageReason()).isEqualTo("rolled back: latency");
    assertThat(r.audit().subList(3, r.audit().size()))
        .extracting(
            t -> t.version() + " " + t.from() + "->" + t.to() + " " + t.actor() + " " + t.reason())
        .containsExactly(
            "2 PRODUCTION->ARCHIVED carol rolled back: latency",
            "1 ARCHIVED->PRODUCTION carol rolled back to by carol: latency");
  }

  @Test
  void unknownVersionsAndModelsAreNamed() {
    registry.registerCandidate(candidate("run-a"));
    var failure =
        businessFailure(
            () -> registry.promote(new PromoteRequest("energy", 9, "run-x", "alice")),
            FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage()).isEqualTo("energy has no version 9 (registered: [1])");
    var unknown = businessFailure(() -> registry.describeModel("solar"), FailureTypes.INVALID_DATA);
    assertThat(unknown.getOriginalMessage())
        .isEqualTo("no model solar in the registry (models: [energy])");
    assertThat(registry.listModels()).extracting(ModelRecord::model).containsExactly("energy");
  }

  private static ModelVersion get(Future<ModelVersion> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
