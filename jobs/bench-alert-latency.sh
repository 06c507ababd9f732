#!/usr/bin/env bash
# Alert latency benchmark on a real Kafka broker and a real InfluxDB: wall time from the readings
# that close an alert's hour to the alert event on the alerts topic, per checkpoint interval.
#   jobs/bench-alert-latency.sh [HOURS] [PACE_MS] [CHECKPOINT_SECONDS...]   (default: 24 2000 30 2)
set -euo pipefail
cd "$(dirname "$0")/.."
. jobs/lib/common.sh
ensure_java_maven
ensure_influxd
mvn -B -q -DskipTests test-compile >&2 || die "test-compile failed"
cp=$(kafka_classpath)
hours=${1:-24}
pace=${2:-2000}
intervals=("${@:3}")
[ ${#intervals[@]} -gt 0 ] || intervals=(30 2)
exec java -Xmx2g "${JAVA_OPENS[@]}" -Dlog4j2.configurationFile=conf/log4j2-local.xml -Dlog4j2.StatusLogger.level=ERROR \
  -cp "target/classes:target/test-classes:$cp" org.airindex.bench.AlertLatencyBench "$hours" "$pace" "${intervals[@]}"
