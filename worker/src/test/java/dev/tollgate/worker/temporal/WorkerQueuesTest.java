package dev.tollgate.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --queues} / {@code tollgate.worker.queues}: names, case, and what each polls. */
class WorkerQueuesTest {

  @Test
  void theDefaultPollsThePipelineAndTheDefaultTrainingQueueAsBefore() {
    WorkerQueues q = new WorkerQueueProperties(List.of("pipeline"), false).parsed();
    assertThat(q.pipeline()).isTrue();
    assertThat(q.trainingOnly()).isFalse();
    assertThat(q.trainingTaskQueues()).containsExactly("tollgate-training");
    assertThat(q.describe())
        .isEqualTo("pipeline (tollgate-pipeline), training (tollgate-training)");
  }

  @Test
  void otherNamesAreTrainingQueuesFoldedToLowerCase() {
    WorkerQueues q = WorkerQueues.parse(List.of(" GPU , Pipeline,gpu", "big_mem.1"));
    assertThat(q.pipeline()).isTrue();
    assertThat(q.training()).containsExactly("big_mem.1", "gpu");
    assertThat(q.trainingTaskQueues())
        .containsExactly(
            "tollgate-training", "tollgate-training-big_mem.1", "tollgate-training-gpu");
    assertThat(q.names()).containsExactly("pipeline", "big_mem.1", "gpu");
  }

  @Test
  void aTrainingOnlyWorkerPollsNoPipelineQueue() {
    WorkerQueues q = WorkerQueues.parse(List.of("gpu"));
    assertThat(q.trainingOnly()).isTrue();
    assertThat(q.trainingTaskQueues()).containsExactly("tollgate-training-gpu");
    assertThat(q.describe()).isEqualTo("gpu (tollgate-training-gpu)");
    assertThat(WorkerQueues.parse(List.of("Training")).trainingTaskQueues())
        .containsExactly("tollgate-training");
  }

  @Test
  void badNamesAndNoNameAreRefusedWithTheRule() {
    assertThatThrownBy(() -> WorkerQueues.parse(List.of("gpu,a/b")))
        .hasMessageContaining("queue name 'a/b'")
        .hasMessageContaining("letters, digits, '.', '_' or '-'");
    assertThatThrownBy(() -> WorkerQueues.parse(List.of("x".repeat(101))))
        .hasMessageContaining("up to 99");
    assertThatThrownBy(() -> WorkerQueues.parse(List.of("-gpu")))
        .hasMessageContaining("a letter or digit, then");
    assertThatThrownBy(() -> WorkerQueues.parse(List.of(" , ")))
        .hasMessageContaining("no queue named");
    assertThatThrownBy(() -> new WorkerQueueProperties(List.of("g\tpu"), false))
        .hasMessageContaining("'g?pu'");
  }
}
