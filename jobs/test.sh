#!/usr/bin/env bash
# The whole test suite on real servers: installs what is missing, then runs every test (unit,
# operator harness, CLI, and end-to-end tests on a real Kafka broker and a real InfluxDB), then runs the
# tests whose outcome may depend on the date again under each edge date (they take "today" from
# airindex.test.today, never from the machine: see src/test/java/org/airindex/testing/TestDates.java).
set -euo pipefail
cd "$(dirname "$0")/.."
. jobs/lib/common.sh

# The 1st of a month, the 1st of January, 29 February, the last day of a month, the day the rule-set
# switches (HJ 633-2026 from 2026-03-01). AIRINDEX_TEST_DATES="" skips these runs.
DATES=${AIRINDEX_TEST_DATES-2026-12-01 2027-01-01 2028-02-29 2026-11-30 2026-03-01}

ensure_java_maven
ensure_influxd
ensure_report_fonts
ensure_chromium
# Self-signed certificates for the https tests of InfluxDB.
command -v openssl >/dev/null 2>&1 || apt_install openssl
mvn -B verify "$@"
# The tests of the packaged jars (the job on a standalone Flink cluster, with the failure injection).
mvn -B surefire:test -Dgroups=packaged -Dairindex.test.excluded=none "$@"
for d in $DATES; do
  say "date-sensitive tests with today = $d"
  mvn -B surefire:test -Dgroups=dates -Dairindex.test.today="$d" "$@"
done
