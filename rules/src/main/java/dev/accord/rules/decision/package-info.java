/**
 * What a rulebook decides about one lead and why: the decision with its reasons, the facts a later
 * stage sees about an earlier one ({@link dev.accord.rules.decision.Scores}, {@link
 * dev.accord.rules.decision.Graded}), and the sheets rules write on through globals ({@link
 * dev.accord.rules.decision.ScoreSheet}, {@link dev.accord.rules.decision.GradeSheet}, {@link
 * dev.accord.rules.decision.TeamChoice}).
 *
 * <p>The sheets are public only because rule files name them; the engine creates a fresh set for
 * every decision.
 */
package dev.accord.rules.decision;
