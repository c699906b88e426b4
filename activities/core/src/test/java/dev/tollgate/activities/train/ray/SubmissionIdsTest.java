package dev.tollgate.activities.train.ray;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Submission ids: Ray's characters only, at most 100, long ones kept apart by a hash. */
class SubmissionIdsTest {

  @Test
  void modelRunAndAttemptInRaysCharacters() {
    assertThat(SubmissionIds.of("energy-load", "2026-12-07T10:00:00Z/abc", 3))
        .isEqualTo("tollgate-energy-load-2026-12-07T10_00_00Z_abc-3");
  }

  @Test
  void aLongIdIsCutWithAHashAndKeepsItsAttempt() {
    String run = "r".repeat(200);
    String a = SubmissionIds.of("m", run, 12);
    String b = SubmissionIds.of("m", run + "x", 12);

    assertThat(a).hasSizeLessThanOrEqualTo(100).matches("[A-Za-z0-9_-]+").endsWith("-12");
    assertThat(b).hasSizeLessThanOrEqualTo(100).isNotEqualTo(a);
  }

  @Test
  void twoExecutionsOfTheSameModelAndRunNeverShareAnId() {
    // two namespaces on one cluster, or a run id used again: Ray still has the first one's jobs
    String first = SubmissionIds.of("churn", "r1", "9f1c2e7a-1b2c-4d5e-8f90-0123456789ab", 1);
    String second = SubmissionIds.of("churn", "r1", "0b7d4c11-aaaa-4bbb-8ccc-dddddddddddd", 1);

    assertThat(first).isEqualTo("tollgate-churn-r1-9f1c2e7a-1");
    assertThat(second).isEqualTo("tollgate-churn-r1-0b7d4c11-1").isNotEqualTo(first);
    assertThat(SubmissionIds.of("churn", "r1", "9f1c2e7a-1b2c-4d5e-8f90-0123456789ab", 2))
        .as("a retried attempt of the same execution: the same stem")
        .isEqualTo("tollgate-churn-r1-9f1c2e7a-2");
  }
}
