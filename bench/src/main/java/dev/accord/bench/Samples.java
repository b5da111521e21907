package dev.accord.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Durations in nanoseconds, recorded from any thread and read after {@link #finish}, so every
 * driver computes its percentiles the same way (nearest rank).
 */
final class Samples {

  private final long[] nanos;
  private final AtomicInteger count = new AtomicInteger();
  private long wallNanos;

  Samples(int capacity) {
    nanos = new long[capacity];
  }

  void add(long value) {
    nanos[count.getAndIncrement()] = value;
  }

  void finish(long wall) {
    wallNanos = wall;
    Arrays.sort(nanos, 0, count.get());
  }

  int size() {
    return count.get();
  }

  long wallNanos() {
    return wallNanos;
  }

  /** Nearest rank: the smallest sample at or above the given share of all samples. */
  double percentile(double share) {
    int rank = (int) Math.ceil(share * size());
    return nanos[Math.max(0, rank - 1)];
  }

  double max() {
    return nanos[size() - 1];
  }
}
