package dev.tollgate.pipeline;

import java.util.List;

/**
 * Types of non-retryable business failures, thrown by activities as {@code
 * ApplicationFailure.newNonRetryableFailure(message, type)} and named in every retry policy's
 * do-not-retry list: retrying a malformed CSV only wastes an hour.
 */
public final class FailureTypes {
  /** The input cannot be used: missing column, non-numeric value, too few rows, bad URI. */
  public static final String INVALID_DATA = "TollgateInvalidData";

  /** The spec asks for something this version does not do. */
  public static final String UNSUPPORTED = "TollgateUnsupported";

  /** A stored artifact is missing or does not match its digest. */
  public static final String ARTIFACT_MISMATCH = "TollgateArtifactMismatch";

  /**
   * The worker's approval policy refuses: no policy for the model in the policy folder, a policy
   * file that does not parse.
   */
  public static final String POLICY_REFUSED = "TollgatePolicyRefused";

  /** A production action (rollback, alias) the worker's approval policy does not allow. */
  public static final String ACTION_REFUSED = "TollgateActionRefused";

  public static final List<String> ALL =
      List.of(INVALID_DATA, UNSUPPORTED, ARTIFACT_MISMATCH, POLICY_REFUSED, ACTION_REFUSED);

  private FailureTypes() {}
}
