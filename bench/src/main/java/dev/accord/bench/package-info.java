/**
 * Benchmarks, run by hand and never by the build: JMH over the rules module's public API, and a
 * load driver for a running server. Figures are reported as ratios to a baseline measured in the
 * same run, with their command, in docs/benchmarks.md.
 */
package dev.accord.bench;
