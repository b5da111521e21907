#!/bin/bash
# End-to-end before/after with the load driver (docs/benchmarks.md section 6): builds and starts
# two commits of Accord one after the other, each from an empty database, runs IntakeLoadDriver
# against each, and repeats the pair. Usage: bench/before-after.sh <before-commit> <after-commit>
# Results: $work/<before|after><pair>-load.txt. Nothing else should run on the machine meanwhile.
set -u
before=$1
after=$2
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${ACCORD_BENCH_WORK:-/tmp/accord-before-after}
offset=300
port=$((8080 + offset))
rm -rf "$work" && mkdir -p "$work"
for name in before after; do
  git clone -q "$repo" "$work/$name"
  git -C "$work/$name" checkout -q "${!name}"
done

measure() {
  local name=$1 label=$2
  cd "$work/$name" && rm -rf var
  ACCORD_PORT_OFFSET=$offset ./run.sh > "$work/$label-server.log" 2>&1 &
  local server=$!
  for _ in $(seq 1 600); do
    grep -q "Accord is running" "$work/$label-server.log" && break
    sleep 1
  done
  java -cp bench/target/benchmarks.jar dev.accord.bench.IntakeLoadDriver \
    --base-url="http://localhost:$port" --leads=400 --clients=8 > "$work/$label-load.txt" 2>&1
  echo "exit $?" >> "$work/$label-load.txt"
  pkill -TERM -f "jboss-modules.jar.*$work/$name" ; wait "$server" 2>/dev/null
  pkill -f "greenmail.*$work/$name" 2>/dev/null
  sleep 5
}

for pair in 1 2; do
  measure before "before$pair"
  measure after "after$pair"
done
grep -H "clients:.*leads routed" "$work"/*-load.txt
