# Shared by jobs/*.sh: make sure the tools exist (installing them where we can), build when stale.
# shellcheck shell=bash

say() { printf '[airindex] %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

can_install() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

apt_install() {
  if ! can_install; then
    die "missing: $*. Install the Debian packages with: sudo apt-get update && sudo apt-get install -y $*"
  fi
  say "installing $* (apt-get)"
  if [ -z "${AIRINDEX_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || die "apt-get update failed"
    AIRINDEX_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2 || die "apt-get install $* failed"
}

ensure_java_maven() {
  local missing=()
  command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
  local v
  v=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')
  [ "${v%%.*}" -ge 17 ] 2>/dev/null || die "Java 17 or newer is needed (found ${v:-none})"
}

# InfluxDB 1.x from Debian: the tests and the local run start their own influxd on free ports.
ensure_influxd() {
  [ -x /usr/bin/influxd ] || apt_install influxdb
  [ -x /usr/bin/influxd ] || die "/usr/bin/influxd is still missing after installing influxdb"
}

# The fonts the reports embed (conf/airindex.yaml, reports.fonts): Latin and digits, then Chinese.
ensure_report_fonts() {
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || apt_install fonts-dejavu-core
  [ -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || apt_install fonts-droid-fallback
}

# Debian's Chromium: ReportBrowserTest opens the HTML reports in it, headless, to see what a reader sees.
ensure_chromium() {
  [ -x /usr/bin/chromium ] || apt_install chromium
  [ -x /usr/bin/chromium ] || die "/usr/bin/chromium is still missing after installing chromium"
}

# Flink on Java 17 reflects into these JDK packages (the same list Flink's own launch scripts open).
JAVA_OPENS=(
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
)

# Rebuilds target/airindex.jar when a source, a rule table or the pom is newer than it.
build_if_stale() {
  local jar=target/airindex.jar
  if [ ! -f "$jar" ] || [ -n "$(find pom.xml src conf/standards -newer "$jar" -type f -print -quit)" ]; then
    say "building $jar"
    mvn -B -q -DskipTests package >&2 || die "the build failed (mvn -DskipTests package)"
  fi
}

# The Kafka broker is not in the jar: its classpath comes from Maven (the test-scoped kafka_2.13).
kafka_classpath() {
  local cp=target/kafka.classpath
  if [ ! -s "$cp" ] || [ pom.xml -nt "$cp" ]; then
    mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp" >&2 \
      || die "cannot resolve the Kafka broker's classpath (mvn dependency:build-classpath)"
  fi
  cat "$cp"
}
