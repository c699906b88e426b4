package dev.tollgate.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.tollgate.pipeline.TaskQueues;
import dev.tollgate.policy.FixedPolicies;
import dev.tollgate.stages.AliasRequest;
import dev.tollgate.stages.ModelRecord;
import dev.tollgate.stages.RegistryActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code tollgate models alias} through the worker (issue 21, item 12): the alias moves only when
 * the worker's approval policy lets the name do it; a refusal names the reason and moves nothing.
 * Reading the registry needs no authorisation.
 */
class RegistryWorkflowTest {
  private TestWorkflowEnvironment env;
  private final RegistryActivities registry =
      mock(RegistryActivities.class, withSettings().withoutAnnotations());
  private final FixedPolicies policies =
      new FixedPolicies()
          .use("model: energy\napprovers: [alice]\nactions: { alias: [alice] }\n", "energy.yaml");

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(TaskQueues.PIPELINE);
    worker.registerWorkflowImplementationTypes(RegistryWorkflowImpl.class);
    worker.registerActivitiesImplementations(registry, policies);
    when(registry.describeModel(any())).thenReturn(mock(ModelRecord.class));
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private List<ModelRecord> ask(RegistryRequest request) {
    RegistryWorkflow wf =
        env.getWorkflowClient()
            .newWorkflowStub(
                RegistryWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(TaskQueues.PIPELINE)
                    .setWorkflowId("registry/" + UUID.randomUUID())
                    .build());
    return WorkflowClient.execute(wf::run, request).join();
  }

  @Test
  void anAliasByANameOutsideThePolicyIsRefusedAndMovesNothing() {
    assertThatThrownBy(
            () ->
                ask(
                    new RegistryRequest(
                        RegistryRequest.Kind.ALIAS, "energy", "challenger", 2, "mallory")))
        .hasRootCauseInstanceOf(io.temporal.failure.ApplicationFailure.class)
        .rootCause()
        .hasMessageContaining("alias of energy by mallory refused")
        .hasMessageContaining("'mallory' may not move an alias of energy");
    verify(registry, never()).setAlias(any());
    assertThat(policies.answered())
        .singleElement()
        .satisfies(v -> assertThat(v.allowed()).isFalse());

    ask(new RegistryRequest(RegistryRequest.Kind.ALIAS, "energy", "challenger", 2, "alice"));
    verify(registry).setAlias(new AliasRequest("energy", "challenger", 2, "alice"));
    assertThat(policies.asked())
        .extracting(r -> r.by() + " " + r.detail())
        .containsExactly("mallory challenger=v2", "alice challenger=v2");
  }

  @Test
  void readingTheRegistryAsksNoPolicy() {
    when(registry.listModels()).thenReturn(List.of());
    assertThat(ask(RegistryRequest.list())).isEmpty();
    assertThat(policies.asked()).isEmpty();
  }
}
