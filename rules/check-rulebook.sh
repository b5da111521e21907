#!/usr/bin/env bash
# Checks a rulebook folder as the server would before publishing it: compile every rule, calendar
# and agreement file and print each problem with file and line. Exit code 0 = fine, 1 = rejected.
#   rules/check-rulebook.sh rules/rulebook [--teams emea,americas] [--sources website,partner] [--actions demo,trial]
# The optional lists name the values Accord knows, so rules comparing with others are warned of.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
folder="$(cd "${1:?usage: rules/check-rulebook.sh <rulebook folder>}" && pwd)"
mvn -B -q -f "$here/../pom.xml" -pl rules -am install -DskipTests -Dspotless.check.skip=true >&2
exec mvn -B -q -f "$here/pom.xml" exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.accord.rules.RulebookCheck \
  -Dexec.args="$folder ${*:2}"
