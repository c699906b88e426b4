package dev.tollgate.spec;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.Objects;

/**
 * One hyperparameter's value: a number ({@code max_depth: 6}), a text ({@code grow_policy:
 * lossguide}, {@code loss: log_loss}) or a flag ({@code warm_start: true}). Written in payloads and
 * files as the bare JSON value ({@code 6.0}, {@code "lossguide"}, {@code true}), so a number is
 * stored exactly as the {@code Double} it was before values were typed.
 */
@JsonDeserialize(using = ParamValue.FromJson.class)
public sealed interface ParamValue {

  static ParamValue number(double value) {
    return new Numeric(value);
  }

  static ParamValue text(String value) {
    return new Text(value);
  }

  static ParamValue flag(boolean value) {
    return new Flag(value);
  }

  /**
   * The value of a YAML or JSON scalar: a number, a text or a boolean; {@code null} for anything
   * else (a list, a mapping, nothing), which no hyperparameter takes.
   */
  static ParamValue of(JsonNode node) {
    if (node == null) return null;
    if (node.isNumber()) return number(node.asDouble());
    if (node.isTextual()) return text(node.asText());
    if (node.isBoolean()) return flag(node.asBoolean());
    return null;
  }

  /** The plain Java value (a {@code Double}, {@code String} or {@code Boolean}), for JSON files. */
  default Object plain() {
    return switch (this) {
      case Numeric n -> n.value();
      case Text t -> t.value();
      case Flag f -> f.value();
    };
  }

  /** A number, written as a JSON number. */
  record Numeric(@JsonValue double value) implements ParamValue {
    @Override
    public String toString() {
      return Double.toString(value);
    }
  }

  /** A text, such as a choice's name, written as a JSON string. */
  record Text(@JsonValue String value) implements ParamValue {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return value;
    }
  }

  /** A flag, written as JSON {@code true} or {@code false}. */
  record Flag(@JsonValue boolean value) implements ParamValue {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /** Reads the bare JSON value back into its kind. */
  final class FromJson extends JsonDeserializer<ParamValue> {
    @Override
    public ParamValue deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      JsonNode node = p.readValueAsTree();
      ParamValue value = of(node);
      if (value == null) {
        throw MismatchedInputException.from(
            p, ParamValue.class, "expected a number, a text or true/false, got " + node);
      }
      return value;
    }
  }
}
