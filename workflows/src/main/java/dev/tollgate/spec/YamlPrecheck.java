package dev.tollgate.spec;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
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
 */
final class YamlPrecheck {
  /** YAML 1.1's not-a-number and infinities, in every spelling the spec allows. */
  private static final Pattern SPECIAL_FLOAT =
      Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

  private YamlPrecheck() {}

  /** Returns quietly when the text has neither problem, or is not YAML (Jackson says why). */
  static void check(String yaml, String source) {
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(true); // found and named below, with both lines
      root = new Yaml(options).compose(new StringReader(yaml));
    } catch (YAMLException notYaml) {
      return;
    }
    if (root != null) walk(root, "", source);
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
