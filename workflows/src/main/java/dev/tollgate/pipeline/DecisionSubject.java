package dev.tollgate.pipeline;

/**
 * What a vouched decision is about, and what its seal binds: the workflow, the Temporal run of it
 * (a run started again under the same workflow ID is another run), and the candidate version with
 * its model digest. The gate knows its own while it waits ({@link ApprovalWait#subject()}), and the
 * {@code decide} validator checks a seal against that, never against what the request says.
 */
public record DecisionSubject(
    String workflowId, String runId, int modelVersion, String modelDigest) {}
