package dev.tollgate.guardian;

import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.Task;
import dev.tollgate.spec.ValidationSpec;

/**
 * @param data the spec's data section, its {@code train} replaced by {@code schedule.drift_data}
 * @param drift how a feature counts as drifted: the spec's {@code validation.drift}, or the
 *     defaults (PSI above 0.1, 10 bins)
 */
public record InspectRequest(
    String model, Task task, DataSpec data, ValidationSpec.DriftSpec drift) {}
