package dev.tollgate.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The Ray example's requirements.txt, which a spec may name as runtime_env.requirements: every line
 * passes the rules a requirement from a spec is held to ({@link PipRequirement}), and every pin is
 * the one the test cluster's nodes run (scripts/ray-requirements.txt, extras aside), so the example
 * is tested at the versions the file would install.
 */
class RayExampleRequirementsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void everyLineIsAPlainRequirementPinnedAsTheClusterRunsIt() throws IOException {
    List<String> example = lines(ROOT.resolve("examples/ray-xgboost/trainer/requirements.txt"));
    List<String> cluster = lines(ROOT.resolve("scripts/ray-requirements.txt"));
    assertThat(example).contains("ray[train]==2.60.0", "xgboost==3.1.2", "onnxmltools==1.16.0");
    for (String line : example) {
      assertThat(PipRequirement.problem(line)).as(line).isNull();
      assertThat(cluster.stream().map(RayExampleRequirementsTest::withoutExtras))
          .as(line + " vs scripts/ray-requirements.txt")
          .contains(withoutExtras(line));
    }
  }

  @Test
  void plainRequirementsPassAndWhatPointsPipElsewhereDoesNot() {
    for (String ok :
        List.of("numpy", "ray[default,train]==2.60.0", "pandas>=2, <3", "a_b.c~=1.2", "x!=1.*")) {
      assertThat(PipRequirement.problem(ok)).as(ok).isNull();
    }
    for (String bad :
        List.of(
            "--extra-index-url https://x/simple",
            "-f ./wheels",
            "--trusted-host x",
            "x @ file:///tmp/x.whl",
            "file:x.whl",
            "https://x.example/x.whl",
            "..\\\\x.whl",
            "~/x.whl",
            "x==1; os_name == 'posix' --index-url=y")) {
      assertThat(PipRequirement.problem(bad)).as(bad).isNotNull().doesNotContain(bad);
    }
  }

  private static String withoutExtras(String pin) {
    return pin.replaceAll("\\[[^]]*]", "");
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .map(l -> l.replaceAll("#.*", "").strip())
        .filter(l -> !l.isEmpty())
        .map(l -> l.toLowerCase(Locale.ROOT))
        .toList();
  }
}
