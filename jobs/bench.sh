#!/usr/bin/env bash
# Throughput benchmark on a real Kafka broker and a real InfluxDB it starts itself: the read limit (a
# plain consumer and the job's parser), the write limit (the job's InfluxDB writer, station-hour points),
# a Flink SQL peer, the production graph with its outputs discarded (and its state: the largest checkpoint
# per operator, the live heap), and the production job from Kafka to InfluxDB, side by side in one run over
# the same topic; readings/s, ratios and state printed, one CSV line per figure in work/bench/bench.csv.
#   jobs/bench.sh [--stations S] [--hours H] [--minutes] [--partitions P] [--parallelism N] [--only MEASURE]
#                 [--no-latency]
#   defaults 1000 stations, 720 hours, hourly readings, 2 partitions, parallelism 2. --minutes sends 60
#   readings of a minute for each station hour; --only runs the measures whose name holds MEASURE (profiling),
#   or only the latency with --only latency. Then the latency: from sending the readings that move the
#   watermark past an hour's end to its station-hour points in InfluxDB and its alerts on Kafka
#   (AlertLatencyBench, 12 hours paced 2 s, the production 30 s checkpoints; jobs/bench-alert-latency.sh
#   runs it with other settings).
set -euo pipefail
cd "$(dirname "$0")/.."
. jobs/lib/common.sh

stations=1000 hours=720 partitions=2 parallelism=2 minutes=false only= latency=true
while [ $# -gt 0 ]; do
  case "$1" in
    --stations) stations=$2; shift 2 ;;
    --hours) hours=$2; shift 2 ;;
    --partitions) partitions=$2; shift 2 ;;
    --parallelism) parallelism=$2; shift 2 ;;
    --minutes) minutes=true; shift ;;
    --only) only=$2; shift 2 ;;
    --no-latency) latency=false; shift ;;
    *) die "unknown option $1 (see the head of jobs/bench.sh)" ;;
  esac
done
ensure_java_maven
ensure_influxd
mvn -B -q -DskipTests test-compile >&2 || die "test-compile failed"
cp=$(kafka_classpath)
# AIRINDEX_BENCH_JAVA_OPTS adds JVM options, e.g. -XX:StartFlightRecording=filename=work/bench/bench.jfr to profile.
bench_java() { # CLASS ARGS...
  # shellcheck disable=SC2086
  java -Xmx3g ${AIRINDEX_BENCH_JAVA_OPTS:-} "${JAVA_OPENS[@]}" -Dlog4j2.configurationFile=conf/log4j2-local.xml \
    -Dlog4j2.StatusLogger.level=ERROR -cp "target/classes:target/test-classes:$cp" "$@"
}
if [ "$only" != latency ]; then
  bench_java org.airindex.bench.ThroughputBench "$stations" "$hours" "$partitions" "$parallelism" "$minutes" "$only"
fi
# Latency at the production checkpoint interval: 12 hours of the sample province, an hour every 2 s.
if { [ -z "$only" ] && $latency; } || [ "$only" = latency ]; then
  bench_java org.airindex.bench.AlertLatencyBench 12 2000 30
fi
