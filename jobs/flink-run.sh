#!/usr/bin/env bash
# Submits the streaming job (target/airindex-cluster.jar, entry class org.airindex.cli.ClusterMain) to a
# running Flink 2.2 session cluster, detached, with Flink's own CLI: $FLINK_HOME/bin/flink when
# FLINK_HOME is set, else the one of jobs/cluster.sh (the cluster in $AIRINDEX_CLUSTER_DIR).
#   jobs/flink-run.sh [--config conf/airindex.yaml] [--from-savepoint PATH] [--parallelism N]
#                     [--jar JAR] [-- more `flink run` options]
# The configuration, registry, rule tables, scheme and baselines are read here, where the job graph is
# built, and travel inside it; the AIRINDEX_* variables of this shell apply. Secrets are not read here:
# each TaskManager reads them from its own environment (INFLUX_TOKEN, or the variables named by
# influx.username_env and influx.password_env) or from the files the configuration names.
# Stop with a savepoint: java -jar target/airindex.jar stop --rest http://localhost:8081
set -euo pipefail
cd "$(dirname "$0")/.."
. jobs/lib/common.sh

config=conf/airindex.yaml
jar=target/airindex-cluster.jar
flink_options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --config) config=$2; shift 2 ;;
    --from-savepoint) flink_options+=(--fromSavepoint "$2"); shift 2 ;;
    --parallelism) flink_options+=(--parallelism "$2"); shift 2 ;;
    --jar) jar=$2; shift 2 ;;
    --) shift; flink_options+=("$@"); break ;;
    *) die "unknown option $1 (see the head of jobs/flink-run.sh)" ;;
  esac
done
[ -f "$config" ] || die "no configuration at $config"

ensure_java_maven
[ "$jar" != target/airindex-cluster.jar ] || build_if_stale
[ -f "$jar" ] || die "no job jar at $jar"
if [ -n "${FLINK_HOME:-}" ]; then
  flink=("$FLINK_HOME/bin/flink")
else
  flink=(jobs/cluster.sh flink)
fi
exec "${flink[@]}" run --detached "${flink_options[@]}" --class org.airindex.cli.ClusterMain "$jar" \
  --config "$config"
