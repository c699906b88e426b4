package dev.tollgate.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example spec, and every spec or spec section shown in README.md and docs/*.md, parses with
 * today's {@link SpecParser}: a doc that shows a key the parser refuses (or a spec the parser would
 * read otherwise) fails the build (issue 22, item 11). A section shown alone ({@code notify:} …) is
 * parsed in place of that section of the energy example. Conventions: docs/testing.md.
 */
class DocumentedSpecsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path EXAMPLE = ROOT.resolve("examples/energy/energy-load.yaml");
  private static final Set<String> SECTIONS =
      Set.of(
          "task",
          "data",
          "training",
          "validation",
          "approval",
          "deploy",
          "notify",
          "schedule",
          "tracking",
          "pull_request");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TestFactory
  Stream<DynamicTest> everyExampleSpecParses() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT.resolve("examples"))) {
      List<Path> specs =
          files
              .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
              .filter(f -> !f.startsWith(ROOT.resolve("examples/ci"))) // CI workflows, not specs
              .toList();
      assertThat(specs).contains(EXAMPLE);
      return specs.stream()
          .map(
              f ->
                  DynamicTest.dynamicTest(
                      ROOT.relativize(f).toString(), () -> SpecParser.parse(f)));
    }
  }

  @TestFactory
  Stream<DynamicTest> everySpecInTheDocsParses() {
    return snippets().stream().map(s -> DynamicTest.dynamicTest(s.where(), () -> check(s)));
  }

  /**
   * The extraction finds what the docs hold: were it broken, the test above would pass on nothing.
   */
  @Test
  void theDocsShowWholeSpecsAndSections() {
    List<SpecSnippets.Snippet> all = snippets();
    assertThat(all).filteredOn(SpecSnippets.Snippet::whole).isNotEmpty();
    assertThat(all).filteredOn(s -> !s.whole() && !s.policy()).hasSizeGreaterThanOrEqualTo(5);
    assertThat(all).filteredOn(SpecSnippets.Snippet::policy).isNotEmpty();
  }

  private static void check(SpecSnippets.Snippet s) throws IOException {
    String source = ROOT.relativize(s.doc()) + ":" + s.line();
    if (!s.labelled()) {
      fail(source + ": a spec in a block not labelled yaml: open it with ```yaml");
    }
    YamlPrecheck.check(s.text(), source); // a key written twice, before Jackson keeps the last
    if (s.policy()) {
      PolicyParser.parse(s.text(), source, "documented");
      return;
    }
    if (s.whole()) {
      SpecParser.parse(s.text(), source, s.doc().getParent());
      return;
    }
    JsonNode snippet = YAML.readTree(s.text());
    if (snippet == null || !snippet.isObject() || !SECTIONS.containsAll(keys(snippet))) {
      fail(
          source
              + ": neither a whole spec (first key model:) nor sections of one ("
              + SECTIONS
              + "); if it is deliberately partial, put "
              + SpecSnippets.NOT_A_SPEC
              + " on the line before the block");
    }
    SpecParser.parse(YAML.writeValueAsString(asWholeSpec(s)), source, EXAMPLE.getParent());
  }

  /** A whole spec: the snippet itself, or the energy example with the snippet's sections in. */
  static JsonNode asWholeSpec(SpecSnippets.Snippet s) throws IOException {
    JsonNode snippet = YAML.readTree(s.text());
    if (s.whole()) return snippet;
    ObjectNode spec = (ObjectNode) YAML.readTree(Files.readString(EXAMPLE));
    spec.setAll((ObjectNode) snippet);
    return spec;
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  static List<SpecSnippets.Snippet> snippets() {
    List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return docs.stream().flatMap(d -> SpecSnippets.of(d).snippets().stream()).toList();
  }
}
