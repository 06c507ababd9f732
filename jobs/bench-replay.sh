#!/usr/bin/env bash
# Replay benchmark on real data: the Beijing multi-site hourly data (12 stations, 2013-03..2017-02,
# UCI dataset 501, Zhang et al. 2017, CC BY 4.0) from ../shared/data/beijing, converted to the
# reading CSV, replayed to CSV files, timed with hyperfine.
#   jobs/bench-replay.sh [RUNS]               the working tree
#   jobs/bench-replay.sh RUNS BASE_REV        side by side with that commit's jar, built in a temporary
#                                             worktree; the outputs compared file by file
#   jobs/bench-replay.sh RUNS "-JVM OPTIONS"  side by side with the working tree under those JVM
#                                             options instead of REPLAY_JVM below
#   jobs/bench-replay.sh year [STATIONS]      the year-scale case: a synthetic province of STATIONS (1000)
#                                             stations x the 8,760 hours of 2025 (jobs/bench/SyntheticYear.java),
#                                             REPLAY_JVM within a 2 GB heap, once, with the peak resident memory
# The base commit's jar reads its own conf/airindex.yaml (a newer file may hold keys it refuses).
# AIRINDEX_BENCH_JAVA_OPTS adds JVM options (e.g. -XX:+CITime) to every run. This machine's speed
# drifts (up to 40 % between runs of one jar on 2026-11-29): compare side by side, not across runs.
#
# REPLAY_JVM: a batch replay is a throughput job. The parallel collector: 2026-11-29,
# `jobs/bench-replay.sh 2 "<REPLAY_JVM with -XX:+UseG1GC>"` gave 41.2 ± 0.0 s against 48.9 ± 3.2 s for G1
# (1.19 ± 0.08 times faster). JIT thresholds scaled by 8 and smaller inlining: a replay's ~20 batch
# stages each bring new types through Flink's code, and with the defaults the compiler threads took a
# third of the CPU (async-profiler), recompiling large inlined methods stage after stage.
set -euo pipefail
cd "$(dirname "$0")/.."
. jobs/lib/common.sh

ensure_java_maven
REPLAY_JVM="-Xmx4g -XX:+UseParallelGC -XX:CompileThresholdScaling=8 -XX:FreqInlineSize=80 -XX:InlineSmallCode=500 -XX:MaxInlineLevel=8"
if [ "${1:-}" = year ]; then
  stations=${2:-1000}
  [ -x /usr/bin/time ] || apt_install time
  build_if_stale
  mkdir -p work/bench
  csv=work/bench/year-$stations.csv
  [ -s "$csv" ] || java jobs/bench/SyntheticYear.java "$csv" "work/bench/year-$stations-stations.csv" "$stations" 2025
  say "$(($(wc -l < "$csv") - 1)) readings"
  rm -rf work/bench/year-out
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e s wall, %M KB peak resident" java ${REPLAY_JVM/-Xmx4g/-Xmx2g} ${AIRINDEX_BENCH_JAVA_OPTS:-} "${JAVA_OPENS[@]}" \
    -Dlog4j2.configurationFile=conf/log4j2-local.xml -Dlog4j2.StatusLogger.level=ERROR -jar target/airindex.jar replay \
    --config conf/airindex.yaml --input "$csv" --stations "work/bench/year-$stations-stations.csv" --baselines none \
    --out work/bench/year-out
  exit 0
fi
data=${AIRINDEX_BEIJING_DATA:-../shared/data/beijing}
ls "$data"/PRSA_Data_*.csv.gz >/dev/null 2>&1 || die "no Beijing data under $data (set AIRINDEX_BEIJING_DATA)"
command -v hyperfine >/dev/null 2>&1 || apt_install hyperfine
build_if_stale
mkdir -p work/bench
[ -s work/bench/beijing.csv ] || java jobs/bench/PrsaToReadings.java work/bench/beijing.csv "$data"/PRSA_Data_*.csv.gz
say "$(($(wc -l < work/bench/beijing.csv) - 1)) readings"
replay() { # JAR OUT [JVM_OPTIONS [CONFIG]]
  echo "java ${3:-$REPLAY_JVM} ${AIRINDEX_BENCH_JAVA_OPTS:-} ${JAVA_OPENS[*]} \
 -Dlog4j2.configurationFile=conf/log4j2-local.xml -Dlog4j2.StatusLogger.level=ERROR -jar $1 replay \
 --config ${4:-conf/airindex.yaml} --input work/bench/beijing.csv --stations jobs/bench/beijing-stations.csv \
 --baselines none --out $2"
}
compare() { # OTHER_DIR
  for f in work/bench/out/*.csv; do
    cmp -s "$f" "$1/$(basename "$f")" && echo "same     $(basename "$f")" \
      || echo "differs  $(basename "$f") ($(diff "$f" "$1/$(basename "$f")" | grep -c '^<') rows)"
  done
}
case "${2:-}" in
  "")
    hyperfine --runs "${1:-3}" --export-markdown work/bench/replay.md "$(replay target/airindex.jar work/bench/out)"
    ;;
  -*)
    hyperfine --runs "$1" --export-markdown work/bench/replay.md \
      -n "REPLAY_JVM" "$(replay target/airindex.jar work/bench/out)" \
      -n "java $2" "$(replay target/airindex.jar work/bench/out-jvm "$2")"
    compare work/bench/out-jvm
    ;;
  *)
    base=$(mktemp -d)
    trap 'git worktree remove --force "$base/src" >/dev/null 2>&1; rm -rf "$base"' EXIT
    git worktree add -q --detach "$base/src" "$2"
    (cd "$base/src" && mvn -B -q -DskipTests package >&2) || die "cannot build $2"
    cp "$base/src/target/airindex.jar" "$base/base.jar"
    hyperfine --runs "$1" --export-markdown work/bench/replay.md \
      -n "$2" "$(replay "$base/base.jar" work/bench/out-base "$REPLAY_JVM" "$base/src/conf/airindex.yaml")" \
      -n "working tree" "$(replay target/airindex.jar work/bench/out)"
    compare work/bench/out-base
    ;;
esac
