#!/usr/bin/env bash
# The whole pipeline on this machine: builds if needed, starts a real Kafka broker and a real
# InfluxDB on free local ports under work/local, produces synthetic readings for the sample
# registry, runs the job on a local Flink cluster until the data is processed, prints a summary
# read back from InfluxDB, writes the daily analysis, weekly dispatch and monthly bulletin under
# work/local/reports (HTML and PDF), and stops what it started.
#   --keep          leave Kafka and InfluxDB running, print their addresses and keep the job's state in
#                   a savepoint; a second --keep run continues there with the days since
#   --from DATE     first day of synthetic data (default: N days before today)
#   --days N        days of synthetic data (default: the month so far, at least 7); they must end
#                   by yesterday, as Kafka refuses records from the future
set -euo pipefail
cd "$(dirname "$0")/.."
. jobs/lib/common.sh

ensure_java_maven
ensure_influxd
ensure_report_fonts
build_if_stale
cp=$(kafka_classpath)
exec java -Xmx3g "${JAVA_OPENS[@]}" -Dlog4j2.configurationFile=conf/log4j2-local.xml -Dlog4j2.StatusLogger.level=ERROR \
  -jar target/airindex.jar local --kafka-classpath "$cp" --work work/local "$@"
