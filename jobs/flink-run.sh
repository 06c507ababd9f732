#!/usr/bin/env bash
# Submits the streaming job to a running Flink 2.2 cluster with the `flink` CLI (FLINK_HOME/bin or PATH).
#   jobs/flink-run.sh [--config conf/airindex.yaml] [-- extra `flink run` options such as -s SAVEPOINT]
# The config, registry, rule tables, scheme and baselines are read where the job runs: ship conf/
# with the job (or point the paths in the config at shared storage). Secrets come from the
# environment of the task managers (INFLUX_TOKEN or INFLUX_USERNAME/INFLUX_PASSWORD).
set -euo pipefail
cd "$(dirname "$0")/.."
. jobs/lib/common.sh

config=conf/airindex.yaml
if [ "${1:-}" = "--config" ]; then config=$2; shift 2; fi
[ "${1:-}" = "--" ] && shift
flink=${FLINK_HOME:+$FLINK_HOME/bin/}flink
command -v "$flink" >/dev/null 2>&1 || die "the flink CLI is needed: set FLINK_HOME to a Flink 2.2 distribution"
ensure_java_maven
build_if_stale
exec "$flink" run --detached "$@" -c org.airindex.cli.Main target/airindex.jar run --config "$config"
