package dev.tollgate.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/pipeline-spec.schema.json and the parser agree: every example spec and every spec shown in
 * the docs passes both, and bad specs are refused by both (the parser naming the key). The schema
 * is what editors check as people type (the examples' yaml-language-server modeline); the parser
 * stays the authority on what depends on other keys.
 */
class SpecSchemaTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path EXAMPLE = ROOT.resolve("examples/energy/energy-load.yaml");
  private static final String MODELINE =
      "# yaml-language-server: $schema=../../docs/pipeline-spec.schema.json";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Schema SCHEMA = load();

  private static Schema load() {
    try {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(
              Files.readString(ROOT.resolve("docs/pipeline-spec.schema.json")), InputFormat.JSON);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyExamplePassesTheSchemaAndTheParserAndNamesTheSchema()
      throws IOException {
    try (Stream<Path> files = Files.walk(ROOT.resolve("examples"))) {
      List<Path> specs =
          files.filter(f -> f.toString().endsWith(".yaml")).filter(SpecSchemaTest::isSpec).toList();
      assertThat(specs).contains(EXAMPLE);
      return specs.stream()
          .map(
              f ->
                  DynamicTest.dynamicTest(
                      ROOT.relativize(f).toString(),
                      () -> {
                        SpecParser.parse(f);
                        assertThat(errors(YAML.readTree(f.toFile()))).isEmpty();
                        assertThat(Files.readString(f)).startsWith(MODELINE + "\n");
                      }));
    }
  }

  @TestFactory
  Stream<DynamicTest> everySpecInTheDocsPassesTheSchema() {
    return DocumentedSpecsTest.snippets().stream()
        .filter(s -> !s.policy())
        .map(
            s ->
                DynamicTest.dynamicTest(
                    s.where(),
                    () -> {
                      JsonNode spec = DocumentedSpecsTest.asWholeSpec(s);
                      Path base = s.whole() ? s.doc().getParent() : EXAMPLE.getParent();
                      SpecParser.parse(YAML.writeValueAsString(spec), s.where(), base);
                      assertThat(errors(spec)).as(s.where()).isEmpty();
                    }));
  }

  /** Each bad spec: what is changed in the energy example, and the key the parser names. */
  record Bad(String name, String key, Consumer<ObjectNode> change) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Bad> badSpecs() {
    return Stream.of(
        new Bad("an unknown top-level key", "modle", s -> s.put("modle", "x")),
        new Bad("a model name with a space", "model", s -> s.put("model", "Energy Load")),
        new Bad("a task that does not exist", "task", s -> s.put("task", "regresion")),
        new Bad("no features", "data.features", s -> obj(s, "data").putArray("features")),
        new Bad(
            "an http dataset", "data.train", s -> obj(s, "data").put("train", "http://x/a.csv")),
        new Bad("a misspelt data key", "data.featurs", s -> obj(s, "data").put("featurs", "x")),
        new Bad(
            "a holdout of 1.5", "training.holdout", s -> obj(s, "training").put("holdout", 1.5)),
        new Bad(
            "a duration without a unit",
            "approval.timeout",
            s -> obj(s, "approval").put("timeout", 72)),
        new Bad(
            "no approvals needed",
            "approval.min_approvals",
            s -> obj(s, "approval").put("min_approvals", 0)),
        new Bad(
            "a missing_policy that does not exist",
            "data.missing",
            s -> obj(s, "data").put("missing", "ignore")),
        new Bad(
            "a threshold without min or max",
            "validation.thresholds.rmse",
            s -> obj(obj(s, "validation"), "thresholds").putObject("rmse")),
        new Bad(
            "a canary of 120 %",
            "deploy.canary.percent",
            s -> obj(obj(s, "deploy"), "canary").put("percent", 120).put("bake", "10m")),
        new Bad(
            "an event that does not exist",
            "notify.on",
            s -> obj(s, "notify").putArray("on").add("deploy")),
        new Bad(
            "a pull request's max_rows of zero",
            "pull_request.max_rows",
            s -> s.putObject("pull_request").put("max_rows", 0)),
        new Bad(
            "a misspelt pull_request key",
            "pull_request.max_row",
            s -> s.putObject("pull_request").put("max_row", 100)),
        new Bad(
            "a pull request's timeout that is not a duration",
            "pull_request.timeout",
            s -> s.putObject("pull_request").put("timeout", "soon")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSpecs")
  void aBadSpecIsRefusedByBoth(Bad bad) throws IOException {
    ObjectNode spec = (ObjectNode) YAML.readTree(EXAMPLE.toFile());
    bad.change().accept(spec);
    String text = YAML.writeValueAsString(spec);

    assertThatThrownBy(() -> SpecParser.parse(text, "bad.yaml", EXAMPLE.getParent()))
        .isInstanceOfSatisfying(
            SpecException.class, e -> assertThat(e.key()).startsWith(bad.key()));
    assertThat(errors(spec)).as("schema errors for " + bad.name()).isNotEmpty();
  }

  @Test
  void enumsTakeAnyCaseAsTheParserDoes() throws IOException {
    ObjectNode spec = (ObjectNode) YAML.readTree(EXAMPLE.toFile());
    spec.put("task", "Regression");
    obj(spec, "data").put("missing", "DROP_ROWS");
    obj(spec, "approval").put("on_timeout", "Reject");
    obj(obj(spec, "validation"), "drift").put("method", "KS");
    obj(spec, "notify").putArray("on").add("Run_Started").add("VALIDATED");

    SpecParser.parse(YAML.writeValueAsString(spec), "case.yaml", EXAMPLE.getParent());
    assertThat(errors(spec)).isEmpty();
  }

  private static List<String> errors(JsonNode spec) {
    return SCHEMA.validate(spec).stream().map(Error::toString).toList();
  }

  private static ObjectNode obj(ObjectNode parent, String name) {
    JsonNode child = parent.get(name);
    return child instanceof ObjectNode o ? o : parent.putObject(name);
  }

  /** A pipeline spec (its first key model:), not another YAML file kept with the examples. */
  private static boolean isSpec(Path file) {
    try {
      return YAML.readTree(file.toFile()) instanceof ObjectNode o && o.has("model");
    } catch (IOException e) {
      return false;
    }
  }
}
