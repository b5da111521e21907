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
smtp_port=$((3025 + port_offset))
imap_port=$((3143 + port_offset))
mail_api_port=$((8025 + port_offset))

echo "Building Accord (the first build downloads WildFly, Drools and Camel from Maven Central)..."
mvn -B -q -f "$repo/pom.xml" install -DskipTests

mkdir -p "$base/configuration" "$base/deployments"

# The demo mailbox is on the moved IMAP port too: a copy of the channels file that says so (its
# partner folder, ../var/partners/demo, resolves to the same place from var/).
channels="${ACCORD_CHANNELS_FILE:-$repo/config/channels.yaml}"
if [[ -z "${ACCORD_CHANNELS_FILE:-}" && "$port_offset" != 0 ]]; then
  sed "s/^    port: 3143\$/    port: $imap_port/" "$repo/config/channels.yaml" > "$repo/var/channels.yaml"
  channels="$repo/var/channels.yaml"
fi
find "$wildfly/standalone/configuration" -maxdepth 1 -type f -exec cp {} "$base/configuration/" \;
rm -f "$base/deployments/accord.ear".*
cp "$repo/ear/target/accord.ear" "$base/deployments/accord.ear"

# The demo mail server: every escalation e-mail to the demo reps, managers and heads lands here.
# Any user name logs in (no passwords in the demo); nothing leaves this machine.
java -Xmx128m \
  -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$smtp_port" \
  -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$imap_port" \
  -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$mail_api_port" \
  -Dgreenmail.auth.disabled \
  -jar "$repo/server/target/greenmail/greenmail-standalone.jar" >"$base/mail-server.log" 2>&1 &
mail_server=$!
trap 'kill "$mail_server" 2>/dev/null || true' EXIT

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
   Demo mail        http://localhost:$mail_api_port/api/user/head.of.sales@accord.example/messages/INBOX
                    (SMTP localhost:$smtp_port, IMAP localhost:$imap_port, any password)
   SLA scorecard    GET  http://localhost:$http_port/api/sla/scorecard
 Watch a clock warn and breach: send a lead with "source":"sla-demo" and read the demo mail;
 the rep is warned after 1 minute, the manager after 90 s, both heads get the breach at 2 minutes.
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

# Not exec: the trap above stops the mail server when WildFly exits.
"$wildfly/bin/standalone.sh" \
  -Djboss.server.base.dir="$base" \
  -Djboss.socket.binding.port-offset="$port_offset" \
  -c standalone-accord.xml \
  -Daccord.rulebook.dir="${ACCORD_RULEBOOK_DIR:-$repo/rules/rulebook}" \
  -Daccord.demo.enabled=true \
  -Daccord.channels.file="$channels" \
  -Daccord.intake.keys="signed-demo:demo-signed-key-5e0c8a91d2f7b364" \
  -Daccord.activities.crm-sources=demo-web \
  -Daccord.public-url="http://localhost:$http_port" \
  -Daccord.mail.host=127.0.0.1 -Daccord.mail.port="$smtp_port" \
  -Daccord.mail.from="Accord <accord@accord.example>"
