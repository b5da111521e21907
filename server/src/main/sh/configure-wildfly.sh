#!/usr/bin/env bash
# Writes standalone-accord.xml: a fresh copy of WildFly's full profile with Accord's CLI settings applied.
# Starting from the pristine profile every time keeps the CLI script the single, repeatable source of truth.
set -euo pipefail
wildfly_home="$1"
cli_script="$2"
configuration="$wildfly_home/standalone/configuration"

cp "$configuration/standalone-full.xml" "$configuration/standalone-accord.xml"
JAVA_OPTS="-Xms64m -Xmx256m" "$wildfly_home/bin/jboss-cli.sh" --file="$cli_script" >"$wildfly_home/accord-configure.log" 2>&1 || {
  cat "$wildfly_home/accord-configure.log" >&2
  exit 1
}
# The demo partner's broker user (role "partner": send to AccordPartnerDemo only). Production
# replaces it with its own users (bin/add-user.sh -a -g partner).
"$wildfly_home/bin/add-user.sh" -a -s -u accord-partner -p 'partner-demo-password-1' -g partner \
  -sc "$configuration" >>"$wildfly_home/accord-configure.log" 2>&1 || {
  cat "$wildfly_home/accord-configure.log" >&2
  exit 1
}
echo "Configured $configuration/standalone-accord.xml from $cli_script"
