#!/usr/bin/env bash
# Shipshape's performance suite. One command: builds, seeds the scale data set once (10,000 services,
# 1,000 teams, 1,000,000 releases, 3 scorecards of 30 rules), runs every benchmark of the product next
# to its baseline measured in the same run, and prints one table (figure, baseline, ratio, target, met).
#
#   benchmarks/run-suite.sh
#
# Needs a JDK 17+, a PostgreSQL server that the given user may create databases on (psql and
# pgbench from the PostgreSQL client), wrk (installed with apt-get when missing) and Node.js with npm
# for json-rules-engine. Everything is set through the environment:
#
#   SUITE_PGHOST, SUITE_PGPORT, SUITE_PGUSER   the server (127.0.0.1, 5432, postgres); PGPASSWORD if it needs one
#   SUITE_DATABASE            database of the scale data set (shipshape_bench); seeded when missing or outdated
#   SUITE_PGBENCH_DATABASE    database of pgbench's own tables (shipshape_pgbench), SUITE_PGBENCH_SCALE (10)
#   SUITE_RESEED=1            drop and seed the data set again
#   SUITE_PORT                HTTP port of the portal under test (8095)
#   SUITE_HEAP                the portal's and the import's -Xmx (512m)
#   SUITE_DURATION            seconds of each measured load run (30), after SUITE_WARMUP seconds (30: the JIT compiler needs them on two cores)
#   SUITE_THREADS, SUITE_CONNECTIONS   wrk and pgbench threads and connections for throughput (2, 16)
#   SUITE_PAGE_CONNECTIONS    wrk connections for the page timings (2)
#   SUITE_ROUNDS              measured rounds of the full re-evaluation (3) and of the import (3)
#   SUITE_PUSHES              fact pushes timed one by one (50)
#   SUITE_ONLY                some of: engine,import,evaluation,push,pages,readiness (all)
#   SUITE_WORK                logs and results (/tmp/shipshape-suite)
#   BUILD_DIR                 Maven's build.directory.name for the modules (target); SUITE_SKIP_BUILD=1 reuses the jars
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
pghost=${SUITE_PGHOST:-127.0.0.1}
pgport=${SUITE_PGPORT:-5432}
pguser=${SUITE_PGUSER:-postgres}
database=${SUITE_DATABASE:-shipshape_bench}
pgbench_database=${SUITE_PGBENCH_DATABASE:-shipshape_pgbench}
pgbench_scale=${SUITE_PGBENCH_SCALE:-10}
port=${SUITE_PORT:-8095}
heap=${SUITE_HEAP:-512m}
duration=${SUITE_DURATION:-30}
warmup=${SUITE_WARMUP:-30}
threads=${SUITE_THREADS:-2}
connections=${SUITE_CONNECTIONS:-16}
page_connections=${SUITE_PAGE_CONNECTIONS:-2}
rounds=${SUITE_ROUNDS:-3}
pushes=${SUITE_PUSHES:-50}
only=${SUITE_ONLY:-engine,import,evaluation,push,pages,readiness}
work=${SUITE_WORK:-/tmp/shipshape-suite}
build=${BUILD_DIR:-target}

bench_jar=$here/$build/benchmarks.jar
portal_jar=$root/portal-app/$build/shipshape-portal.jar
portal=http://127.0.0.1:$port
results=$work/results.tsv
portal_pid=

jdbc_url() {
  local url="jdbc:postgresql://$pghost:$pgport/$1?user=$pguser"
  if [ -n "${PGPASSWORD:-}" ]; then url="$url&password=$PGPASSWORD"; fi
  echo "$url"
}

psql_on() {
  local db=$1
  shift
  psql -h "$pghost" -p "$pgport" -U "$pguser" -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"
}

wanted() {
  [[ ",$only," == *",$1,"* ]]
}

load() {
  cut -d' ' -f1-3 /proc/loadavg
}

log() {
  echo "[$(date +%H:%M:%S) load $(load)] $*" >&2
}

# One row of the final table: benchmark, figure, baseline, ratio, target, met (yes/no), load when measured.
row() {
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" "$(load)" >>"$results"
}

# Evaluates an awk condition on numbers: met "$ratio >= 10" prints yes or no.
met() {
  awk "BEGIN { print (($1) ? \"yes\" : \"no\") }"
}

field() {
  # field NAME LINE: the value of NAME=value in a RESULT line of the wrk scripts
  sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p" <<<"$2"
}

# --- tools -----------------------------------------------------------------------------------------

require_tools() {
  for tool in java psql pgbench curl awk; do
    command -v "$tool" >/dev/null || { echo "The suite needs $tool" >&2; exit 1; }
  done
  if ! command -v wrk >/dev/null; then
    # wrk is Debian's package; wrk2 is not packaged, so readiness.lua paces the load itself
    log "installing wrk"
    local sudo=
    if [ "$(id -u)" != 0 ]; then sudo=sudo; fi
    $sudo apt-get install -y wrk >/dev/null 2>&1 || { $sudo apt-get update >/dev/null && $sudo apt-get install -y wrk >/dev/null; }
  fi
}

build_jars() {
  if [ "${SUITE_SKIP_BUILD:-0}" = 1 ] && [ -f "$bench_jar" ] && [ -f "$portal_jar" ]; then
    return
  fi
  log "building the portal, the engine and the benchmarks into */$build"
  (cd "$root" && ./mvnw -q -pl scorecard-engine,portal-app,benchmarks -am package -DskipTests \
    -Dbuild.directory.name="$build")
}

# --- the portal under test -------------------------------------------------------------------------

admin_password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')

start_portal() {
  local name=$1
  # The suite's administrator is created afresh at every start, with a password of this run only.
  psql_on "$database" -c "DELETE FROM user_accounts WHERE username_key = 'suite-admin'" 2>/dev/null || true
  : >"$work/access-$name.log"
  # The safety-net re-evaluation is switched off: an hourly run in the middle of a measurement would
  # measure itself. Tomcat logs every request's server time (%D, in microseconds).
  SPRING_DATASOURCE_URL="jdbc:postgresql://$pghost:$pgport/$database" SPRING_DATASOURCE_USERNAME="$pguser" \
    SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" SERVER_PORT="$port" \
    SHIPSHAPE_INITIAL_ADMIN_USERNAME=suite-admin SHIPSHAPE_INITIAL_ADMIN_PASSWORD="$admin_password" \
    java "-Xmx$heap" "-Xlog:gc:file=$work/gc-$name.log" -jar "$portal_jar" \
    --shipshape.results.safety-net-cron=- \
    --server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$work" \
    --server.tomcat.accesslog.prefix="access-$name" --server.tomcat.accesslog.suffix=.log \
    --server.tomcat.accesslog.rotate=false --server.tomcat.accesslog.buffered=false \
    '--server.tomcat.accesslog.pattern=%D %s %m %U %q' >"$work/portal-$name.log" 2>&1 &
  portal_pid=$!
  for _ in $(seq 1 600); do
    if curl -sf "$portal/actuator/health/readiness" >/dev/null; then
      log "portal up (pid $portal_pid, -Xmx$heap)"
      return
    fi
    kill -0 "$portal_pid" 2>/dev/null || { tail -30 "$work/portal-$name.log"; echo "The portal did not start" >&2; exit 1; }
    sleep 1
  done
  echo "The portal did not start within 10 minutes" >&2
  exit 1
}

stop_portal() {
  if [ -n "$portal_pid" ] && kill -0 "$portal_pid" 2>/dev/null; then
    kill "$portal_pid"
    wait "$portal_pid" 2>/dev/null || true
  fi
  portal_pid=
}
trap stop_portal EXIT

api_token() {
  curl -sf -u "suite-admin:$admin_password" -H 'Content-Type: application/json' \
    -d '{"name":"performance suite","scopes":["facts:write","readiness:read","releases:write"]}' \
    "$portal/api/v1/tokens" | sed -n 's/.*"secret":"\(shp_[^"]*\)".*/\1/p'
}

# A signed-in browser session: the sign-in form with its CSRF token, then the session cookie.
session_cookie() {
  local jar=$work/cookies csrf
  rm -f "$jar"
  csrf=$(curl -sf -c "$jar" -b "$jar" "$portal/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -sf -c "$jar" -b "$jar" -o /dev/null --data-urlencode username=suite-admin \
    --data-urlencode "password=$admin_password" --data-urlencode "_csrf=$csrf" "$portal/login"
  awk '$6 == "SESSION" { print $7 }' "$jar"
}

# --- the data set ----------------------------------------------------------------------------------

seed() {
  if [ "${SUITE_RESEED:-0}" != 1 ] && java -cp "$bench_jar" dev.shipshape.bench.suite.ScaleDataSet check "$(jdbc_url "$database")"; then
    log "the scale data set is in $database already"
    return
  fi
  log "seeding the scale data set into $database"
  psql_on postgres -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"
  # The portal's own Flyway migrations make the schema: start it once on the empty database.
  start_portal migrate
  stop_portal
  java -cp "$bench_jar" dev.shipshape.bench.suite.ScaleDataSet seed "$(jdbc_url "$database")"
}

# --- benchmarks without the portal -----------------------------------------------------------------

engine() {
  log "engine vs json-rules-engine"
  local out
  out=$(BUILD_DIR="$build" BENCH_DIR="$work/rule-engines" "$here/engine-vs-json-rules-engine.sh" 2>&1 | tee "$work/engine.log")
  local ours theirs ratio
  ours=$(sed -n 's/^Shipshape: \([0-9]*\) rule evaluations\/s/\1/p' <<<"$out")
  theirs=$(sed -n 's/^json-rules-engine: \([0-9]*\) rule evaluations\/s/\1/p' <<<"$out")
  ratio=$(sed -n 's/^ratio: \([0-9.]*\)x/\1/p' <<<"$out")
  grep -q '^identical to' <<<"$out" || { echo "The pass counts differ from json-rules-engine's" >&2; exit 1; }
  row "rule engine: 30 rules x 10,000 subjects (same pass counts)" "$ours rule evaluations/s" \
    "json-rules-engine $theirs/s" "${ratio}x" ">= 10x" "$(met "$ratio >= 10")"
}

import() {
  log "catalog import vs plain JDBC batch inserts"
  local out line
  out=$(SHIPSHAPE_BENCH_DATABASE_URL="$(jdbc_url postgres)" java "-Xmx$heap" -cp "$bench_jar" \
    dev.shipshape.bench.catalog.CatalogImportBenchmark 10000 1000 5000 "$rounds" 2>&1 | tee "$work/import.log")
  local ratio import_s jdbc_s
  ratio=$(sed -n 's/^Median ratio .*: \([0-9.]*\)$/\1/p' <<<"$out")
  # the times of the round whose ratio is the median
  line=$(grep '^round ' <<<"$out" | grep "ratio $ratio " | head -1)
  import_s=$(sed -n 's/.*= \([0-9.]*\) s | ratio.*/\1/p' <<<"$line")
  jdbc_s=$(sed -n 's/.*JDBC batch inserts \([0-9.]*\) s.*/\1/p' <<<"$line")
  row "import 10,000 components, 1,000 groups, 5,000 users (-Xmx$heap)" "preview + apply ${import_s} s" \
    "JDBC batch inserts ${jdbc_s} s" "${ratio}x" "<= 3x" "$(met "$ratio <= 3")"
}

pgbench_baseline() {
  log "pgbench -S -M prepared ($connections connections, $threads threads)"
  if ! psql_on "$pgbench_database" -c "SELECT count(*) FROM pgbench_branches" 2>/dev/null | grep -qx "$pgbench_scale"; then
    psql_on postgres -c "DROP DATABASE IF EXISTS $pgbench_database" -c "CREATE DATABASE $pgbench_database"
    pgbench -h "$pghost" -p "$pgport" -U "$pguser" -i -q -s "$pgbench_scale" "$pgbench_database" >"$work/pgbench-init.log" 2>&1
  fi
  pgbench -h "$pghost" -p "$pgport" -U "$pguser" -S -M prepared -n -c "$connections" -j "$threads" -T "$duration" \
    "$pgbench_database" 2>&1 | tee "$work/pgbench.log" | sed -n 's/^tps = \([0-9.]*\) .*/\1/p'
}

# --- benchmarks on the running portal --------------------------------------------------------------

evaluation() {
  log "full re-evaluation vs reading the same rows over JDBC"
  local out result
  out=$(java -cp "$bench_jar" dev.shipshape.bench.suite.FullEvaluationBenchmark "$(jdbc_url "$database")" "$rounds" 2>&1 \
    | tee "$work/evaluation.log")
  read -r _ _ run_s read_s ratio <<<"$(grep '^RESULT full-evaluation ' <<<"$out")"
  row "full re-evaluation: 10,000 services x 3 scorecards x 30 rules" "${run_s} s" "JDBC read ${read_s} s" \
    "${ratio}x" "<= 4x" "$(met "$ratio <= 4")"
  read -r _ _ run_s read_s ratio <<<"$(grep '^RESULT full-evaluation-rewritten ' <<<"$out")"
  row "  the same, every stored result changed and rewritten" "${run_s} s" "JDBC read ${read_s} s" \
    "${ratio}x" "<= 4x" "$(met "$ratio <= 4")"
}

push() {
  log "fact push to stored result"
  local out median p95 max
  out=$(java -cp "$bench_jar" dev.shipshape.bench.suite.FactPushLatency "$portal" "$token" "$(jdbc_url "$database")" \
    "$pushes" idle 2>&1 | tee "$work/push.log")
  read -r _ _ median p95 max <<<"$(grep '^RESULT' <<<"$out")"
  row "fact push reflected in stored result ($pushes pushes)" "median ${median} ms, p95 ${p95} ms, max ${max} ms" \
    "-" "-" "< 1000 ms" "$(met "$max < 1000")"
  # The same while a full re-evaluation runs, as after a publish: the worker must not leave the push waiting.
  out=$(java -cp "$bench_jar" dev.shipshape.bench.suite.FactPushLatency "$portal" "$token" "$(jdbc_url "$database")" \
    5 during-run 2>&1 | tee -a "$work/push.log")
  read -r _ _ median p95 max <<<"$(grep '^RESULT' <<<"$out")"
  row "fact push during a full re-evaluation (5 pushes)" "median ${median} ms, max ${max} ms" "-" "-" "< 1000 ms" \
    "$(met "$max < 1000")"
}

# Server-time percentile (ms) of the access log lines from $2 on, whose path matches $3: p$4.
server_time() {
  local log=$1 from=$2 pattern=$3 percentile=$4
  tail -n +"$((from + 1))" "$log" | awk -v p="$pattern" '$4 ~ p { print $1 / 1000 }' | sort -n \
    | awk -v q="$percentile" '{ v[NR] = $1 } END { if (NR == 0) { print "NaN"; exit } i = int(NR * q / 100 + 0.999999); if (i < 1) i = 1; printf "%.1f", v[i] }'
}

# Requests of the access log lines from $2 on that did not answer 200.
failures() {
  tail -n +"$(($2 + 1))" "$1" | awk -v p="$3" '$4 ~ p && $2 != 200' | wc -l
}

wrk_run() {
  # wrk_run SECONDS CONNECTIONS THREADS SCRIPT [header] -- ARGS: prints the RESULT line of the script
  local seconds=$1 conns=$2 wthreads=$3 script=$4 header=$5
  shift 5
  wrk -t"$wthreads" -c"$conns" -d"${seconds}s" --timeout 10s -s "$here/suite/$script" -H "$header" "$portal" "$@" \
    | grep '^RESULT'
}

pages() {
  local cookie access=$work/access-measure.log
  cookie=$(session_cookie)
  # kind, path pattern in the access log, label
  local kinds=("service|^/services/svc-[0-9]+\$|service page /services/{name}"
    "scorecards|^/services/svc-[0-9]+/scorecards\$|its scorecards /services/{name}/scorecards (htmx)"
    "list|^/services\$|catalog list /services (pages, filters, sorts)"
    "search|^/services\$|catalog search /services?q=...")
  for entry in "${kinds[@]}"; do
    IFS='|' read -r kind pattern label <<<"$entry"
    log "page: $kind"
    wrk_run "$warmup" "$page_connections" 1 pages.lua "Cookie: SESSION=$cookie" -- "$kind" >/dev/null
    local from out p95 p50 errors
    from=$(wc -l <"$access")
    out=$(wrk_run "$duration" "$page_connections" 1 pages.lua "Cookie: SESSION=$cookie" -- "$kind")
    echo "$out" >>"$work/pages.log"
    p50=$(server_time "$access" "$from" "$pattern" 50)
    p95=$(server_time "$access" "$from" "$pattern" 95)
    errors=$(failures "$access" "$from" "$pattern")
    row "$label" "p95 ${p95} ms server time (p50 ${p50}; $(field rate "$out") req/s, $errors not 200)" \
      "wrk p95 $(field p95_ms "$out") ms" "-" "p95 < 50 ms" "$(met "$p95 < 50 && $errors == 0")"
  done
}

readiness() {
  local tps=$1 access=$work/access-measure.log pattern='^/api/v1/services/svc-[0-9]+/releases/[0-9.]+/readiness$'
  log "readiness: warm-up and full load"
  # A release remembers its newest verdict when asked; forgetting them makes every run ask the same way.
  psql_on "$database" -c "UPDATE releases SET verdict = NULL, verdict_at = NULL WHERE verdict IS NOT NULL"
  wrk_run "$warmup" "$connections" "$threads" readiness.lua "Authorization: Bearer $token" >/dev/null
  local out rate ratio from half p99 server_p99 errors
  from=$(wc -l <"$access")
  out=$(wrk_run "$duration" "$connections" "$threads" readiness.lua "Authorization: Bearer $token")
  echo "full: $out" >>"$work/readiness.log"
  rate=$(field rate "$out")
  errors=$(failures "$access" "$from" "$pattern")
  ratio=$(awk -v a="$rate" -v b="$tps" 'BEGIN { printf "%.3f", a / b }')
  row "readiness GET throughput ($connections connections, $errors not 200)" "$rate req/s" \
    "pgbench -S -M prepared $tps tps" "${ratio}x" ">= 0.10x" "$(met "$ratio >= 0.10 && $errors == 0")"
  log "readiness: the web stack's own ceiling"
  out=$(wrk_run "$duration" "$connections" "$threads" liveness.lua "X-Suite: ceiling")
  echo "liveness: $out" >>"$work/readiness.log"
  row "  for scale: liveness GET, no database ($connections connections)" "$(field rate "$out") req/s" \
    "pgbench -S -M prepared $tps tps" "$(awk -v a="$(field rate "$out")" -v b="$tps" 'BEGIN { printf "%.3f", a / b }')x" \
    "-" "-"
  log "readiness: half load"
  half=$(awk -v r="$rate" 'BEGIN { printf "%.0f", r / 2 }')
  from=$(wc -l <"$access")
  out=$(wrk_run "$duration" "$connections" "$threads" readiness.lua "Authorization: Bearer $token" -- "$half" "$threads")
  echo "half: $out" >>"$work/readiness.log"
  p99=$(field p99_ms "$out")
  server_p99=$(server_time "$access" "$from" "$pattern" 99)
  row "readiness GET p99 at half that load (paced to $half req/s)" "p99 ${p99} ms (server ${server_p99} ms)" \
    "achieved $(field rate "$out") req/s" "-" "p99 < 25 ms" "$(met "$p99 < 25")"
}

heap() {
  local gc=$work/gc-measure.log peak oom
  # the largest heap occupancy after a collection: "GC(12) Pause Young ... 300M->120M(512M)"
  peak=$(sed -n 's/.*->\([0-9]*\)M([0-9]*M).*/\1/p' "$gc" | sort -n | tail -1)
  oom=$(grep -c 'OutOfMemoryError' "$work/portal-measure.log" || true)
  row "the portal with the whole data set at -Xmx$heap" "peak heap after GC ${peak:-?} MB, $oom OutOfMemoryError" \
    "-" "-" "runs in -Xmx$heap" "$(met "$oom == 0")"
}

print_table() {
  echo
  echo "Shipshape performance suite, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average at start $start_load, at end $(load)"
  awk -F'\t' 'BEGIN { printf "%-66s | %-58s | %-36s | %-8s | %-16s | %-4s | %s\n", "benchmark", "figure", "baseline", "ratio", "target", "met", "load";
                      printf "%s\n", "--------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------" }
              { printf "%-66s | %-58s | %-36s | %-8s | %-16s | %-4s | %s\n", $1, $2, $3, $4, $5, $6, $7 }' "$results"
}

# --- main --------------------------------------------------------------------------------------------

mkdir -p "$work"
: >"$results"
rm -f "$work"/pages.log "$work"/readiness.log
start_load=$(load)
require_tools
build_jars
seed
if wanted engine; then engine; fi
if wanted import; then import; fi
tps=
if wanted readiness; then tps=$(pgbench_baseline); fi
if wanted evaluation || wanted push || wanted pages || wanted readiness; then
  start_portal measure
  token=$(api_token)
  if wanted evaluation; then evaluation; fi
  if wanted push; then push; fi
  if wanted pages; then pages; fi
  if wanted readiness; then readiness "$tps"; fi
  stop_portal
  heap
fi
print_table | tee "$work/table.txt"
