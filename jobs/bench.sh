#!/usr/bin/env bash
# Throughput benchmark on a real Kafka broker and a real InfluxDB it starts itself: the read limit (a
# plain consumer and the job's parser), the write limit (the job's InfluxDB writer), the production graph
# with its outputs discarded, and the production job from Kafka to InfluxDB, side by side in one run over
# the same topic; readings/s and ratios printed, one CSV line per measure in work/bench/throughput.csv.
#   jobs/bench.sh [--stations S] [--hours H] [--partitions P] [--parallelism N]   (default 1000 720 2 2)
set -euo pipefail
cd "$(dirname "$0")/.."
. jobs/lib/common.sh

stations=1000 hours=720 partitions=2 parallelism=2
while [ $# -gt 0 ]; do
  case "$1" in
    --stations) stations=$2; shift 2 ;;
    --hours) hours=$2; shift 2 ;;
    --partitions) partitions=$2; shift 2 ;;
    --parallelism) parallelism=$2; shift 2 ;;
    *) die "unknown option $1 (see the head of jobs/bench.sh)" ;;
  esac
done
ensure_java_maven
ensure_influxd
mvn -B -q -DskipTests test-compile >&2 || die "test-compile failed"
cp=$(kafka_classpath)
# AIRINDEX_BENCH_JAVA_OPTS adds JVM options, e.g. -XX:StartFlightRecording=filename=work/bench/bench.jfr to profile.
# shellcheck disable=SC2086
exec java -Xmx3g ${AIRINDEX_BENCH_JAVA_OPTS:-} "${JAVA_OPENS[@]}" -Dlog4j2.configurationFile=conf/log4j2-local.xml -Dlog4j2.StatusLogger.level=ERROR \
  -cp "target/classes:target/test-classes:$cp" org.airindex.bench.ThroughputBench "$stations" "$hours" "$partitions" "$parallelism"
