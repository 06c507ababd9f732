#!/usr/bin/env bash
# The whole test suite on real servers: installs what is missing, then runs every test (unit,
# operator harness, CLI, and end-to-end tests on a real Kafka broker and a real InfluxDB).
set -euo pipefail
cd "$(dirname "$0")/.."
. jobs/lib/common.sh

ensure_java_maven
ensure_influxd
mvn -B verify "$@"
