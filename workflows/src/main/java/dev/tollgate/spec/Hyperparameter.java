package dev.tollgate.spec;

import java.util.List;

/**
 * One hyperparameter an algorithm of the {@link AlgorithmCatalogue} accepts: its name, its type,
 * its default, and what it allows (an inclusive range for numbers, the names for a choice).
 */
public record Hyperparameter(
    String name, Type type, double min, double max, ParamValue defaultValue, List<String> choices) {

  /** What a spec writes for it, and how the value travels ({@link ParamValue}'s kinds). */
  public enum Type {
    /** Any number in the range. */
    REAL,
    /** A whole number in the range. */
    INTEGER,
    /** One of the names in {@code choices}, travelling as that name. */
    CHOICE,
    /** true or false. */
    FLAG
  }

  public Hyperparameter {
    choices = List.copyOf(choices);
  }

  static Hyperparameter real(String name, double min, double max, double defaultValue) {
    return new Hyperparameter(
        name, Type.REAL, min, max, ParamValue.number(defaultValue), List.of());
  }

  static Hyperparameter integer(String name, double min, double max, double defaultValue) {
    return new Hyperparameter(
        name, Type.INTEGER, min, max, ParamValue.number(defaultValue), List.of());
  }

  /** One of {@code choices}, {@code defaultChoice} when the spec leaves it out. */
  static Hyperparameter choice(String name, String defaultChoice, String... choices) {
    if (!List.of(choices).contains(defaultChoice)) {
      throw new IllegalArgumentException(defaultChoice + " is not one of " + List.of(choices));
    }
    return new Hyperparameter(
        name, Type.CHOICE, 0, 0, ParamValue.text(defaultChoice), List.of(choices));
  }

  static Hyperparameter flag(String name, boolean defaultValue) {
    return new Hyperparameter(name, Type.FLAG, 0, 0, ParamValue.flag(defaultValue), List.of());
  }

  /** Whether {@code value} is of this hyperparameter's type and within what it allows. */
  public boolean accepts(ParamValue value) {
    return switch (value) {
      case ParamValue.Numeric n ->
          (type == Type.REAL || (type == Type.INTEGER && n.value() == Math.rint(n.value())))
              && n.value() >= min
              && n.value() <= max;
      case ParamValue.Text t -> type == Type.CHOICE && choices.contains(t.value());
      case ParamValue.Flag f -> type == Type.FLAG;
    };
  }

  /** What it accepts, in words: "a whole number from 1 to 64", "one of [a, b]", "true or false". */
  public String expected() {
    return switch (type) {
      case REAL -> "a number from " + SpecValues.fmt(min) + " to " + SpecValues.fmt(max);
      case INTEGER -> "a whole number from " + SpecValues.fmt(min) + " to " + SpecValues.fmt(max);
      case CHOICE -> "one of " + choices;
      case FLAG -> "true or false";
    };
  }
}
