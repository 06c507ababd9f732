#!/usr/bin/env bash
# Replay benchmark on real data: the Beijing multi-site hourly data (12 stations, 2013-03..2017-02,
# UCI dataset 501, Zhang et al. 2017, CC BY 4.0) from ../shared/data/beijing, converted to the
# reading CSV, replayed to CSV files, timed with hyperfine.  Usage: jobs/bench-replay.sh [RUNS [BASE_REV]]
# With BASE_REV (a commit), that commit's jar is built in a temporary worktree and timed side by side
# with the current one, with the outputs compared file by file. AIRINDEX_BENCH_JAVA_OPTS adds JVM
# options (e.g. -XX:+CITime) to every run.
# A batch replay is a throughput job, run with the parallel collector (earlier, side by side with G1:
# 1.10 ± 0.12 times faster) and the JIT's compile thresholds scaled by 8: a replay's ~20 batch stages
# each push new types through Flink's code, and with the default thresholds the compiler threads took
# a third of the CPU (async-profiler). 2026-11-29, three interleaved runs of each: 55.4 s against
# 64.3 s with the default thresholds. 2026-11-29, 2-core machine: `jobs/bench-replay.sh 2 e5d5dbb` gave
# 89.0 ± 3.8 s against 145.2 ± 4.4 s (1.63 ± 0.08 times faster); the machine's speed drifted by up to
# 25 % that day, so only side-by-side figures compare.
set -euo pipefail
cd "$(dirname "$0")/.."
. jobs/lib/common.sh

data=${AIRINDEX_BEIJING_DATA:-../shared/data/beijing}
ls "$data"/PRSA_Data_*.csv.gz >/dev/null 2>&1 || die "no Beijing data under $data (set AIRINDEX_BEIJING_DATA)"
ensure_java_maven
command -v hyperfine >/dev/null 2>&1 || apt_install hyperfine
build_if_stale
mkdir -p work/bench
[ -s work/bench/beijing.csv ] || java jobs/bench/PrsaToReadings.java work/bench/beijing.csv "$data"/PRSA_Data_*.csv.gz
say "$(($(wc -l < work/bench/beijing.csv) - 1)) readings"
replay() { # JAR OUT
  echo "java -Xmx4g -XX:+UseParallelGC -XX:CompileThresholdScaling=8 ${AIRINDEX_BENCH_JAVA_OPTS:-} ${JAVA_OPENS[*]} \
 -Dlog4j2.configurationFile=conf/log4j2-local.xml -Dlog4j2.StatusLogger.level=ERROR -jar $1 replay \
 --input work/bench/beijing.csv --stations jobs/bench/beijing-stations.csv --baselines none --out $2"
}
if [ -z "${2:-}" ]; then
  hyperfine --runs "${1:-3}" --export-markdown work/bench/replay.md "$(replay target/airindex.jar work/bench/out)"
  exit 0
fi
base=$(mktemp -d)
trap 'git worktree remove --force "$base/src" >/dev/null 2>&1; rm -rf "$base"' EXIT
git worktree add -q --detach "$base/src" "$2"
(cd "$base/src" && mvn -B -q -DskipTests package >&2) || die "cannot build $2"
cp "$base/src/target/airindex.jar" "$base/base.jar"
hyperfine --runs "${1:-3}" --export-markdown work/bench/replay.md \
  -n "$2" "$(replay "$base/base.jar" work/bench/out-base)" -n "working tree" "$(replay target/airindex.jar work/bench/out)"
for f in work/bench/out/*.csv; do
  cmp -s "$f" "work/bench/out-base/$(basename "$f")" && echo "same     $(basename "$f")" \
    || echo "differs  $(basename "$f") ($(diff "$f" "work/bench/out-base/$(basename "$f")" | grep -c '^<') rows)"
done
