package dev.tollgate.spec;

import java.time.Duration;

/**
 * When a model retrains by itself. Parsed and validated now; the guardian workflow that acts on it
 * comes with the retraining issue.
 */
public record ScheduleSpec(String cron, Duration driftCheckEvery, Duration cooldown) {}
