package dev.tollgate.stages;

import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.Task;
import dev.tollgate.spec.TrainingSpec;

/** What the train stage needs: the model name, the run, the data and the training settings. */
public record TrainRequest(
    String model, String runId, Task task, DataSpec data, TrainingSpec training) {}
