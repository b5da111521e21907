#!/usr/bin/env bash
# A million open SLA clocks in one server: heap, breach lag, restart catch-up, each against a
# thousand-clock baseline measured first in the same run (docs/benchmarks.md, section 3).
#
# Prepares a server base folder of its own under bench/target/open-clocks (a fresh database every
# run), starts the demo mail server, and runs dev.accord.bench.OpenClocksBenchmark, which starts,
# restarts and stops WildFly itself with port offset 300 (HTTP 8380). Loopback only; about 15 min.
# Arguments are passed on (--rate=200, --clocks=100000, ...). Needs a built tree:
#   mvn -B -q install -DskipTests && mvn -B -q -pl bench package
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
wildfly="$repo/server/target/wildfly"
base="$repo/bench/target/open-clocks"
port_offset="${ACCORD_BENCH_PORT_OFFSET:-300}"
smtp_port=$((3025 + port_offset))
imap_port=$((3143 + port_offset))
mail_api_port=$((8025 + port_offset))

for built in "$wildfly/bin/standalone.sh" "$repo/ear/target/accord.ear" \
             "$repo/bench/target/benchmarks.jar" "$repo/server/target/greenmail/greenmail-standalone.jar"; do
  if [[ ! -e "$built" ]]; then
    echo "missing $built: build first (mvn -B -q install -DskipTests; mvn -B -q -pl bench package)" >&2
    exit 2
  fi
done

rm -rf "$base"
mkdir -p "$base/configuration" "$base/deployments" "$base/db"
find "$wildfly/standalone/configuration" -maxdepth 1 -type f -exec cp {} "$base/configuration/" \;
cp "$repo/ear/target/accord.ear" "$base/deployments/accord.ear"

# Every escalation e-mail (two per breach) lands here, as in run.sh; it keeps them in memory.
java -Xmx1g \
  -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$smtp_port" \
  -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$imap_port" \
  -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$mail_api_port" \
  -Dgreenmail.auth.disabled \
  -jar "$repo/server/target/greenmail/greenmail-standalone.jar" >"$base/mail-server.log" 2>&1 &
mail_server=$!
trap 'kill "$mail_server" 2>/dev/null || true' EXIT

cd "$repo"
java -Xmx512m -cp "$repo/bench/target/benchmarks.jar" dev.accord.bench.OpenClocksBenchmark \
  --wildfly="$wildfly" --base-dir="$base" --rulebook="$repo/rules/rulebook" \
  --port-offset="$port_offset" --mail-port="$smtp_port" "$@"
