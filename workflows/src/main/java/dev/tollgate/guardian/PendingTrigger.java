package dev.tollgate.guardian;

import dev.tollgate.pipeline.Trigger;
import dev.tollgate.stages.DataInspection;

/**
 * A trigger kept behind the run in flight ({@code schedule.overlap: buffer_one}), with what it
 * needs to start later: its run id, reason and evidence.
 */
public record PendingTrigger(
    Trigger kind, String at, String runId, String reason, DataInspection evidence) {}
