package dev.accord.rules;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the rest of Accord knows the rules' values by: the teams of the organisation, and the
 * sources and actions channels have sent. The lint warns of a rule comparing with a value outside
 * these; an empty set means "not known here" and is not checked.
 */
public record Vocabulary(Set<String> teams, Set<String> sources, Set<String> actions) {

  /** Nothing known: only what the rules themselves can tell (countries) is checked. */
  public static final Vocabulary UNKNOWN = new Vocabulary(Set.of(), Set.of(), Set.of());

  public Vocabulary {
    teams = Set.copyOf(new TreeSet<>(Objects.requireNonNull(teams, "teams")));
    sources = Set.copyOf(new TreeSet<>(Objects.requireNonNull(sources, "sources")));
    actions = Set.copyOf(new TreeSet<>(Objects.requireNonNull(actions, "actions")));
  }
}
