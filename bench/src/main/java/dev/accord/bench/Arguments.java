package dev.accord.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A driver's settings, given as {@code --name=value} or as system properties {@code
 * -D<prefix>name=value}. A name no driver asked for is an error, because a mistyped setting would
 * otherwise run silently with its default.
 */
final class Arguments {

  private final Map<String, String> given;
  private final String propertyPrefix;

  private Arguments(Map<String, String> given, String propertyPrefix) {
    this.given = given;
    this.propertyPrefix = propertyPrefix;
  }

  /**
   * Reads {@code --name=value} arguments.
   *
   * @throws IllegalArgumentException if an argument has another form
   */
  static Arguments parse(String[] args, String propertyPrefix) {
    Map<String, String> given = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("arguments look like --name=value, not " + arg);
      }
      given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    return new Arguments(given, propertyPrefix);
  }

  String text(String name, String fallback) {
    String value = given.remove(name);
    return Objects.requireNonNullElse(value, System.getProperty(propertyPrefix + name, fallback));
  }

  int positive(String name, int fallback) {
    return atLeast(1, name, fallback);
  }

  int atLeast(int minimum, String name, int fallback) {
    int value = Integer.parseInt(text(name, String.valueOf(fallback)));
    if (value < minimum) {
      throw new IllegalArgumentException(name + " must be at least " + minimum);
    }
    return value;
  }

  double atLeast(double minimum, String name, double fallback) {
    double value = Double.parseDouble(text(name, String.valueOf(fallback)));
    if (!(value >= minimum)) {
      throw new IllegalArgumentException(name + " must be at least " + minimum);
    }
    return value;
  }

  /**
   * Call once every setting was read.
   *
   * @throws IllegalArgumentException naming the settings nobody read
   */
  void requireAllRead() {
    if (!given.isEmpty()) {
      throw new IllegalArgumentException("unknown settings " + given.keySet());
    }
  }
}
