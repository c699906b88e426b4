package dev.tollgate.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidationKeysTest {
  private static final String SPEC =
      """
      model: energy-load
      data:
        train: file:data/load.csv
        target: load
        features: [temperature, humidity, region]
        categorical: [region]
      training:
        algorithm: linear
      validation:
        drift: { method: ks, alpha: 0.01, bonferroni: true, bins: 20, max_drift_share: 0.3 }
        quality:
          max_missing_share: 0.05
          max_duplicate_share: 0.01
          ranges: { temperature: { min: -40, max: 50 }, load: { min: 0 } }
      approval:
        approvers: [alice]
      """;

  private static PipelineSpec parse(String yaml) {
    return SpecParser.parse(yaml, "energy.yaml", Path.of("/specs"));
  }

  @Test
  void readsDriftAndQuality() {
    ValidationSpec v = parse(SPEC).validation();
    assertThat(v.drift()).isEqualTo(new ValidationSpec.DriftSpec("ks", 0.1, 0.3, 0.01, true, 20));
    assertThat(v.quality().maxMissingShare()).isEqualTo(0.05);
    assertThat(v.quality().maxDuplicateShare()).isEqualTo(0.01);
    assertThat(v.quality().maxOutOfRangeShare()).isZero();
    assertThat(v.quality().ranges().get("temperature").contains(50)).isTrue();
    assertThat(v.quality().ranges().get("temperature").contains(50.5)).isFalse();
    assertThat(v.quality().ranges().get("load").contains(1e9)).isTrue();
  }

  @Test
  void defaultsWhenSectionsAreEmpty() {
    String yaml =
        SPEC.replaceAll("drift: \\{[^}]*}", "drift: {}")
            .replace(
                """
                  quality:
                    max_missing_share: 0.05
                    max_duplicate_share: 0.01
                    ranges: { temperature: { min: -40, max: 50 }, load: { min: 0 } }
                """,
                "  quality: {}\n");
    ValidationSpec v = parse(yaml).validation();
    assertThat(v.drift()).isEqualTo(new ValidationSpec.DriftSpec("psi", 0.1, 0.5, 0.05, false, 10));
    assertThat(v.quality().maxMissingShare()).isNull();
    assertThat(v.quality().ranges()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "method: ks|method: wasserstein|validation.drift.method|expected one of [psi, ks, z, chi2, all], got 'wasserstein'",
        "alpha: 0.01|alpha: 1.5|validation.drift.alpha|expected a significance level between 0 and 1",
        "bonferroni: true|bonferroni: yes please|validation.drift.bonferroni|expected true or false",
        "bins: 20|bins: 1|validation.drift.bins|expected a whole number from 2 to 100, got 1",
        "bins: 20|bins: 7.5|validation.drift.bins|expected a whole number",
        "max_missing_share: 0.05|max_missing_share: 5|validation.quality.max_missing_share|expected a share from 0 to 1",
        "max_duplicate_share: 0.01|max_duplicates: 0.01|validation.quality.max_duplicates|unknown key",
        "temperature: { min: -40|region: { min: -40|validation.quality.ranges.region|expected the target or a numeric feature (load, [temperature, humidity])",
        "temperature: { min: -40|wind: { min: -40|validation.quality.ranges.wind|expected the target or a numeric feature",
        "min: -40, max: 50|min: 50, max: -40|validation.quality.ranges.temperature|min 50.0 is above max -40.0",
        "min: -40, max: 50|low: -40|validation.quality.ranges.temperature.low|unknown key",
        "load: { min: 0 }|load: { }|validation.quality.ranges.load|expected min, max or both",
      })
  void refusesBadKeysNamingFileKeyAndExpectation(
      String from, String to, String key, String expected) {
    String yaml = SPEC.replace(from, to);
    assertThat(yaml).isNotEqualTo(SPEC);
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("energy.yaml: " + key + ": ")
        .hasMessageContaining(expected);
  }
}
