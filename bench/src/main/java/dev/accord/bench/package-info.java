/**
 * Benchmarks, run by hand and never by the build: JMH over the rules module's public API, a driver
 * that times rulebook reloads against a cold build in fresh JVMs, one that times the rule safety
 * checks against the compile they are part of, a load driver for a running server, and a benchmark
 * that runs a server of its own with a million open SLA clocks and restarts it. Figures are
 * reported as ratios to a baseline measured in the same run, with their command, in
 * docs/benchmarks.md.
 */
package dev.accord.bench;
