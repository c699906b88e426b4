package dev.tollgate.activities.registry;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.activities.artifacts.Json;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.PromoteRequest;
import dev.tollgate.stages.RegisterRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryActivitiesTest {
  @TempDir Path home;

  private RegistryActivitiesImpl registry() {
    return new RegistryActivitiesImpl(new RegistryStore(home.resolve("registry")));
  }

  private static RegisterRequest candidate(String run) {
    return new RegisterRequest(
        "energy", run, "file:/artifacts/" + run + "/", "digest-" + run, Map.of("rmse", 1.0));
  }

  @Test
  void registeringTheSameRunTwiceGivesTheSameVersion() {
    var registry = registry();
    ModelVersion first = registry.registerCandidate(candidate("run-a"));
    ModelVersion retried = registry.registerCandidate(candidate("run-a"));
    ModelVersion second = registry.registerCandidate(candidate("run-b"));

    assertThat(first.version()).isEqualTo(1);
    assertThat(retried).isEqualTo(first);
    assertThat(second.version()).isEqualTo(2);
    assertThat(first.metrics()).containsEntry("rmse", 1.0);
  }

  @Test
  void productionIsTrackedAcrossInstancesAndPromotionIsIdempotent() throws IOException {
    var registry = registry();
    assertThat(registry.currentProduction("energy")).isNull();
    registry.registerCandidate(candidate("run-a"));
    registry.registerCandidate(candidate("run-b"));

    registry.promote(new PromoteRequest("energy", 1, "run-a", "alice"));
    assertThat(registry().currentProduction("energy").version()).isEqualTo(1);

    registry.promote(new PromoteRequest("energy", 2, "run-b", "bob"));
    Path file = home.resolve("registry/energy.json");
    byte[] afterPromotion = Files.readAllBytes(file);
    registry().promote(new PromoteRequest("energy", 2, "run-b", "bob")); // a retried call
    assertThat(Files.readAllBytes(file)).isEqualTo(afterPromotion);

    ModelVersion production = registry().currentProduction("energy");
    assertThat(production.version()).isEqualTo(2);
    assertThat(production.runId()).isEqualTo("run-b");
    assertThat(production.artifactUri()).isEqualTo("file:/artifacts/run-b/");

    JsonNode json = Json.read(file, JsonNode.class);
    assertThat(json.get("versions").get(0).get("stage").asText()).isEqualTo("ARCHIVED");
    assertThat(json.get("versions").get(1).get("stage").asText()).isEqualTo("PRODUCTION");
    assertThat(json.get("versions").get(1).get("model_digest").asText()).isEqualTo("digest-run-b");
    assertThat(json.get("versions").get(1).get("registered_at").asText()).isNotBlank();
    assertThat(json.get("promotions")).hasSize(2);
    assertThat(json.get("promotions").get(1).get("approved_by").asText()).isEqualTo("bob");
    assertThat(json.get("promotions").get(1).get("previous_version").asInt()).isEqualTo(1);
  }

  @Test
  void anArchivedVersionCanBePromotedBackForARollback() {
    var registry = registry();
    registry.registerCandidate(candidate("run-a"));
    registry.registerCandidate(candidate("run-b"));
    registry.promote(new PromoteRequest("energy", 1, "run-a", "alice"));
    registry.promote(new PromoteRequest("energy", 2, "run-b", "alice"));
    registry.promote(new PromoteRequest("energy", 1, "run-b", "rollback"));
    assertThat(registry.currentProduction("energy").version()).isEqualTo(1);
  }

  @Test
  void promotingAnUnknownVersionFailsNonRetryably() {
    var registry = registry();
    registry.registerCandidate(candidate("run-a"));
    var failure =
        businessFailure(
            () -> registry.promote(new PromoteRequest("energy", 9, "run-x", "alice")),
            FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage()).isEqualTo("energy has no version 9 (registered: [1])");
  }

  @Test
  void concurrentRegistrationsFromTwoInstancesGetDistinctVersions() throws Exception {
    var one = registry();
    var two = registry();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ModelVersion>> futures =
          IntStream.range(0, 20)
              .mapToObj(
                  i ->
                      pool.submit(
                          () -> (i % 2 == 0 ? one : two).registerCandidate(candidate("run-" + i))))
              .toList();
      List<Integer> versions = futures.stream().map(f -> get(f).version()).sorted().toList();
      assertThat(versions).isEqualTo(IntStream.rangeClosed(1, 20).boxed().toList());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aModelNameCannotEscapeTheRegistryFolder() {
    businessFailure(() -> registry().currentProduction("../etc"), FailureTypes.INVALID_DATA);
  }

  private static ModelVersion get(Future<ModelVersion> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
