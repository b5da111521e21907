package dev.accord.rules.safety;

import org.drools.drl.ast.descr.AttributeDescr;

/** The attributes a rule (or a file, for all its rules) may have, and the values they may take. */
final class RuleAttributes {

  private RuleAttributes() {}

  static void check(AttributeDescr attribute, Findings findings) {
    String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
    switch (attribute.getName()) {
      case "salience" -> {
        if (!value.matches("-?\\d{1,9}")) {
          findings.refuse(attribute, "a salience is a whole number, not '" + value + "'");
        }
      }
      case "no-loop", "lock-on-active" -> {
        if (!value.isEmpty() && !value.equals("true") && !value.equals("false")) {
          findings.refuse(attribute, "'" + attribute.getName() + "' is true or false");
        }
      }
      case "enabled" -> {
        if (!value.equals("true") && !value.equals("false")) {
          findings.refuse(attribute, "'enabled' is true or false, not an expression");
        }
      }
      case "activation-group" -> {}
      case "dialect" -> {
        if (!value.equals("java")) {
          findings.refuse(
              attribute,
              "dialect \""
                  + value
                  + "\" is not for rules; consequences are checked, compiled and run as Java");
        }
      }
      case "agenda-group", "auto-focus", "ruleflow-group" ->
          findings.refuse(attribute, "'" + attribute.getName() + "' " + RuleCode.OWN_GROUP);
      default ->
          findings.refuse(
              attribute,
              "the attribute '"
                  + attribute.getName()
                  + "' is not for rules; a rule may have salience, no-loop, lock-on-active,"
                  + " activation-group and enabled");
    }
  }
}
