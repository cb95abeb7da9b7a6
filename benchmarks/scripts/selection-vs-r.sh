#!/usr/bin/env bash
# fallline selection against R (data.table::fread + lm of the same second-order model + summary),
# end to end from the command line, measured with hyperfine in one run on the same machine.
#
# Build first (this script builds nothing), from the repository root:
#   mvn -B -q package -DskipTests
# then:
#   benchmarks/scripts/selection-vs-r.sh [OUTDIR]
#
# Makes the 6-trait data sets (make_perf_data.R; 200,000 and 2,000,000 rows) in a temporary folder,
# times `Rscript r_peer_selection.R FILE` and
#   java -jar samples/target/fallline.jar selection --data FILE --fitness W --traits t1,...,t6 --format csv --quiet
# with hyperfine (warmup 1, RUNS runs) for each size, writes hyperfine's JSON and Markdown to OUTDIR
# (default benchmarks/target/selection-vs-r) and prints the ratios fallline/R with the targets
# (< 1 at 200,000 rows, < 0.25 at 2,000,000 rows).
#
# Environment:
#   RUNS                timed runs per command (default 5)
#   SIZES               row counts (default "200000 2000000")
#   FALLLINE_SELECTION  the fallline command without its arguments (default:
#                       "java -jar <root>/samples/target/fallline.jar selection"); for the library alone use
#                       "java -cp <root>/benchmarks/target/benchmarks.jar org.fallline.benchmarks.InProcessSelection"
# Needs: java 17, Rscript with data.table, hyperfine, jq.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SCRIPTS="$ROOT/benchmarks/scripts"
RUNS=${RUNS:-5}
SIZES=${SIZES:-"200000 2000000"}
OUT=${1:-"$ROOT/benchmarks/target/selection-vs-r"}
JAR="$ROOT/samples/target/fallline.jar"
FALLLINE=${FALLLINE_SELECTION:-"java -jar $JAR selection"}
TRAITS=t1,t2,t3,t4,t5,t6

die() { echo "selection-vs-r: $*" >&2; exit 1; }
for tool in java Rscript hyperfine jq; do
  command -v "$tool" >/dev/null || die "$tool is not on the PATH"
done
Rscript -e 'quit(status = !requireNamespace("data.table", quietly = TRUE))' \
  || die "the R package data.table is not installed"
if [ -z "${FALLLINE_SELECTION:-}" ]; then
  [ -f "$JAR" ] || die "$JAR is missing: build first with 'mvn -B -q package -DskipTests'"
  java -jar "$JAR" selection --help >/dev/null 2>&1 \
    || die "$JAR has no 'selection' command (see FALLLINE_SELECTION above for the library alone)"
fi

mkdir -p "$OUT"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/selection-vs-r.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(java -version 2>&1 | head -1); $(Rscript -e 'cat(R.version.string, "data.table", as.character(packageVersion("data.table")))')"
echo "# fallline: $FALLLINE"
for n in $SIZES; do
  Rscript "$SCRIPTS/make_perf_data.R" "$n" "$TMP/perf_$n.csv"
done

for n in $SIZES; do
  f="$TMP/perf_$n.csv"
  # One checked run of each first, so that a failing command stops here with its own message.
  Rscript "$SCRIPTS/r_peer_selection.R" "$f" >/dev/null
  $FALLLINE --data "$f" --fitness W --traits "$TRAITS" --format csv --quiet >/dev/null
  hyperfine --warmup 1 --runs "$RUNS" --style basic \
    --export-json "$OUT/selection_$n.json" --export-markdown "$OUT/selection_$n.md" \
    -n "R fread+lm n=$n" "Rscript $SCRIPTS/r_peer_selection.R $f" \
    -n "fallline n=$n" "$FALLLINE --data $f --fitness W --traits $TRAITS --format csv --quiet"
done

echo
echo "fallline/R, ratios of the mean, median and fastest run (the machine's load shifts the means):"
for n in $SIZES; do
  target="< 1"
  [ "$n" -ge 2000000 ] && target="< 0.25"
  jq -r --arg n "$n" --arg target "$target" '
    def r3: . * 1000 | round / 1000 | tostring;
    (.results[0]) as $r | (.results[1]) as $f |
    [$n, ($r.mean | r3), ($f.mean | r3), ($f.mean / $r.mean | r3), ($f.median / $r.median | r3),
     ($f.min / $r.min | r3), $target] | @tsv' "$OUT/selection_$n.json"
done | (printf 'rows\tR_mean_s\tfallline_mean_s\tratio_mean\tratio_median\tratio_min\ttarget\n'; cat) \
  | column -t -s $'\t'
echo "JSON and Markdown in $OUT"
