package dev.tollgate.worker.temporal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A training-only worker refuses a local artifact folder unless it is declared shared. */
class TrainingOnlyStoreTest {
  private static final Path HOME = Path.of("/srv/tollgate");
  private static final WorkerQueues GPU_ONLY = WorkerQueues.parse(List.of("gpu"));

  @Test
  void aTrainingOnlyWorkerWithTheHomesFolderIsRefusedSayingWhatToSet() {
    assertThatThrownBy(() -> TrainingOnlyStore.check(GPU_ONLY, "", HOME, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("polls only training queues (gpu)")
        .hasMessageContaining("local folder (/srv/tollgate/artifacts)")
        .hasMessageContaining(
            "Workers on different hosts must share the artifact store (S3): set"
                + " TOLLGATE_ARTIFACTS=s3://")
        .hasMessageContaining("TOLLGATE_WORKER_SHARED_ARTIFACTS_FOLDER=true");
    assertThatThrownBy(() -> TrainingOnlyStore.check(GPU_ONLY, "file:/mnt/a", HOME, false))
        .hasMessageContaining("(/mnt/a)");
  }

  @Test
  void s3ADeclaredSharedFolderOrAPipelineWorkerPass() {
    assertThatCode(() -> TrainingOnlyStore.check(GPU_ONLY, "s3://models/t", HOME, false))
        .doesNotThrowAnyException();
    assertThatCode(() -> TrainingOnlyStore.check(GPU_ONLY, "file:/nfs/a", HOME, true))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                TrainingOnlyStore.check(
                    WorkerQueues.parse(List.of("pipeline,gpu")), "", HOME, false))
        .doesNotThrowAnyException();
  }
}
