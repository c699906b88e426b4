package dev.tollgate.stages;

/**
 * Puts {@code toVersion} back into Production (the current one is archived with {@code reason}).
 *
 * @param toVersion the version to restore; {@code null} = the one Production replaced last
 * @param runId the rollback's own id ({@code rollback/<model>} run), for the audit rows
 */
public record RollbackRequest(
    String model, Integer toVersion, String runId, String by, String reason) {}
