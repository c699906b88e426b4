package dev.tollgate.stages;

import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.Task;

/**
 * Score a deployed version on newly labelled data: {@code data}'s file (the watch's labelled_data),
 * encoded with the version's own schema, measured by {@code metric}.
 */
public record LiveScoreRequest(ModelVersion version, Task task, DataSpec data, String metric) {}
