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
}
