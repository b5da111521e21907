#!/usr/bin/env bash
# Builds Accord, provisions WildFly from Maven Central and starts it in the foreground with the
# embedded Artemis broker, an H2 database on disk, the demo rulebook and the demo sales team.
# Ctrl-C stops it cleanly. Data (database, broker journal) lives in var/ and survives restarts.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
wildfly="$repo/server/target/wildfly"
base="$repo/var/server"
port_offset="${ACCORD_PORT_OFFSET:-0}"
http_port=$((8080 + port_offset))
management_port=$((9990 + port_offset))

echo "Building Accord (the first build downloads WildFly, Drools and Camel from Maven Central)..."
mvn -B -q -f "$repo/pom.xml" install -DskipTests

mkdir -p "$base/configuration" "$base/deployments"
find "$wildfly/standalone/configuration" -maxdepth 1 -type f -exec cp {} "$base/configuration/" \;
rm -f "$base/deployments/accord.ear".*
cp "$repo/ear/target/accord.ear" "$base/deployments/accord.ear"

announce_when_deployed() {
  local deployments="$base/deployments"
  for _ in $(seq 1 600); do
    if [[ -f "$deployments/accord.ear.deployed" ]]; then
      cat <<BANNER

================================================================================
 Accord is running.
   Leads API        POST http://localhost:$http_port/api/leads
   A lead's receipt GET  http://localhost:$http_port/api/leads/{id}
   Demo intake key  demo-4f9c2a7e51b8d3606e1f   (Authorization: Bearer <key>)
   Rulebook         $repo/rules/rulebook
   Data             $base/data
   Admin console    http://localhost:$management_port
 Try:
   curl -i -H 'Authorization: Bearer demo-4f9c2a7e51b8d3606e1f' \\
        -H 'Content-Type: application/json' http://localhost:$http_port/api/leads \\
        -d '{"email":"greta@example.de","country":"DE","title":"VP Sales","employees":800,"action":"demo"}'
 Stop with Ctrl-C.
================================================================================
BANNER
      return
    fi
    if [[ -f "$deployments/accord.ear.failed" ]]; then
      echo "Accord failed to deploy: $(cat "$deployments/accord.ear.failed")" >&2
      return
    fi
    sleep 1
  done
}
announce_when_deployed &

exec "$wildfly/bin/standalone.sh" \
  -Djboss.server.base.dir="$base" \
  -Djboss.socket.binding.port-offset="$port_offset" \
  -c standalone-accord.xml \
  -Daccord.rulebook.dir="${ACCORD_RULEBOOK_DIR:-$repo/rules/rulebook}" \
  -Daccord.demo.enabled=true
