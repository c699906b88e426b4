package dev.tollgate.spec;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Looks at the YAML's node tree (SnakeYAML's composer, which builds no values) before Jackson reads
 * it, for two things Jackson reports without naming the key, or not at all: a key written twice in
 * one mapping (Jackson keeps the last one silently, so a gate could be weaker than the file reads)
 * and YAML's special floats {@code .nan}/{@code .inf} (Jackson fails with "Malformed numeric value"
 * and a line number). Each becomes a {@link SpecException} naming the full key path.
 *
 * <p>First it bounds the text, since a spec can come from whoever may start a run: at most {@value
 * #MAX_CHARS} characters, {@value #MAX_DEPTH} levels of nesting, and no aliases. An alias ({@code
 * *name}, a merge {@code <<: *name}) makes the tree a graph that grows exponentially as it is
 * walked ("billion laughs"), and Jackson would read it as the plain string {@code name} anyway.
 */
final class YamlPrecheck {
  /** 1 MiB: a spec with thousands of features is a few hundred KB. */
  static final int MAX_CHARS = 1 << 20;

  /** A spec nests five levels at most ({@code deploy.rollback.watch...}). */
  static final int MAX_DEPTH = 16;

  /** YAML 1.1's not-a-number and infinities, in every spelling the spec allows. */
  private static final Pattern SPECIAL_FLOAT =
      Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

  private YamlPrecheck() {}

  /**
   * The limits every reader of a spec uses (SnakeYAML here, Jackson's YAMLFactory in {@link
   * SpecParser}), a second line behind the checks of {@link #check}.
   */
  static LoaderOptions limits() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CHARS);
    options.setNestingDepthLimit(MAX_DEPTH + 1);
    options.setMaxAliasesForCollections(0);
    return options;
  }

  /** Returns quietly when the text has neither problem, or is not YAML (Jackson says why). */
  static void check(String yaml, String source) {
    if (yaml.length() > MAX_CHARS) {
      throw new SpecException(
          source,
          "(file)",
          String.format(
              java.util.Locale.ROOT,
              "is %,d characters; a spec may have at most %,d",
              yaml.length(),
              MAX_CHARS));
    }
    Node root;
    try {
      LoaderOptions options = limits();
      options.setAllowDuplicateKeys(true); // found and named below, with both lines
      Yaml reader = new Yaml(options);
      bounded(reader.parse(new StringReader(yaml)), source);
      root = reader.compose(new StringReader(yaml));
    } catch (YAMLException notYaml) {
      return;
    }
    if (root != null) walk(root, "", source);
  }

  /** Refuses aliases and deep nesting from the parser's events, before any tree is built. */
  private static void bounded(Iterable<Event> events, String source) {
    int depth = 0;
    for (Event event : events) {
      int line = event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
      if (event instanceof AliasEvent alias) {
        throw new SpecException(
            source,
            "(yaml)",
            "line "
                + line
                + ": YAML aliases (*"
                + alias.getAnchor()
                + ") are not supported in a spec; write the value out where it is used");
      }
      if (event instanceof CollectionStartEvent && ++depth > MAX_DEPTH) {
        throw new SpecException(
            source, "(yaml)", "line " + line + ": nested deeper than " + MAX_DEPTH + " levels");
      }
      if (event instanceof CollectionEndEvent) depth--;
    }
  }

  private static void walk(Node node, String path, String source) {
    switch (node) {
      case MappingNode map -> {
        Map<String, Integer> lines = new HashMap<>();
        for (NodeTuple tuple : map.getValue()) {
          String name = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
          String key = path.isEmpty() ? name : path + "." + name;
          int line = tuple.getKeyNode().getStartMark().getLine() + 1;
          Integer first = lines.putIfAbsent(name, line);
          if (first != null) {
            throw new SpecException(
                source,
                key,
                "written twice (lines " + first + " and " + line + "); keep one of them");
          }
          walk(tuple.getValueNode(), key, source);
        }
      }
      case SequenceNode list -> {
        for (int i = 0; i < list.getValue().size(); i++) {
          walk(list.getValue().get(i), path + "[" + i + "]", source);
        }
      }
      case ScalarNode scalar -> {
        boolean plain = scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
        String text = scalar.getValue();
        if (plain && SPECIAL_FLOAT.matcher(text).matches()) {
          boolean nan = text.toLowerCase(java.util.Locale.ROOT).equals(".nan");
          throw new SpecException(
              source,
              path.isEmpty() ? "(top level)" : path,
              (nan ? "expected a number, got " : "expected a finite number, got ") + text);
        }
      }
      default -> {}
    }
  }
}
