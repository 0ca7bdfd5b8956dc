#!/usr/bin/env bash
# Runs json-rules-engine (the engine behind Backstage Tech Insights) and Shipshape's scorecard engine
# on the same 30 rules and 10,000 subjects, in one sitting, checks that both pass each rule for the
# same number of subjects, and prints ours / json-rules-engine in rule evaluations per second.
#
# Usage: benchmarks/engine-vs-json-rules-engine.sh
#   BASELINE_DIR  the shared baseline (default: ../shared/bench/rule-engines next to the repository)
#   BENCH_DIR     work folder for npm, subjects and results (default: /tmp/rule-engines-bench)
#   JMH_OPTS      options for JMH (default: -f 1 -wi 2 -i 3 -w 5s -r 5s)
#   BUILD_DIR     the modules' build folder, Maven's build.directory.name (default: target)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
baseline=${BASELINE_DIR:-$root/../shared/bench/rule-engines}
work=${BENCH_DIR:-/tmp/rule-engines-bench}
jmh_opts=${JMH_OPTS:--f 1 -wi 2 -i 3 -w 5s -r 5s}
subjects=$work/subjects-10000.jsonl
expected=$work/expected-pass-counts-10000.tsv

build=${BUILD_DIR:-target}
jar=$here/$build/benchmarks.jar
cli=$(ls "$root"/scorecard-engine/"$build"/scorecard-engine-*-cli.jar 2>/dev/null | head -1 || true)
if [ ! -f "$jar" ] || [ -z "$cli" ]; then
  (cd "$root" && ./mvnw -q -pl scorecard-engine,benchmarks -am package -DskipTests -Dbuild.directory.name="$build")
  cli=$(ls "$root"/scorecard-engine/"$build"/scorecard-engine-*-cli.jar | head -1)
fi

echo "== json-rules-engine"
baseline_out=$(BENCH_DIR=$work bash "$baseline/run.sh" 10000)
echo "$baseline_out"
theirs=$(echo "$baseline_out" | sed -n 's/.* = \([0-9]*\) rule evaluations\/s.*/\1/p')

echo "== same pass count per rule"
java -jar "$cli" --scorecard "$here/src/main/resources/baseline-rules.yaml" --subjects "$subjects" \
  --quiet --no-fail --pass-counts "$work/shipshape-pass-counts-10000.tsv"
diff "$expected" "$work/shipshape-pass-counts-10000.tsv" && echo "identical to $expected"

echo "== Shipshape scorecard engine (JMH)"
# shellcheck disable=SC2086
java -jar "$jar" 'EngineBenchmarks.scorecardOnTenThousandSubjects' -p subjectsFile="$subjects" \
  $jmh_opts -rf csv -rff "$work/jmh-engine.csv"
ours=$(awk -F, 'NR == 2 { gsub(/"/, "", $5); print $5 }' "$work/jmh-engine.csv")

echo "== ratio"
awk -v ours="$ours" -v theirs="$theirs" 'BEGIN {
  printf "Shipshape: %.0f rule evaluations/s\njson-rules-engine: %.0f rule evaluations/s\nratio: %.1fx\n", ours, theirs, ours / theirs
}'
