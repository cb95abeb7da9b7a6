#!/usr/bin/env bash
# fallline surface against Surface Evolver 2.70 on Scherk's surface over [-1,1]^2 (issue 8, §8), in one run on the
# same machine, runs interleaved so that both see the same load.
#
# Build first (this script builds nothing), from the repository root:
#   mvn -B -q package -DskipTests
# then:
#   benchmarks/scripts/surface-vs-evolver.sh [OUTDIR]
#
# Peer:    evolver -f newton7.cmd scherk.fe   (66,049 vertices, area error -2.39e-5; see evolver/PROVENANCE.md)
# fallline: java $JAVA_OPTS -jar samples/target/fallline.jar surface --domain square:-1,1 --boundary scherk --n 257
#           --tol 1e-6 --format json --quiet   (66,049 vertices, area error -2.42e-5: the same accuracy)
# For each of RUNS rounds: Evolver's process wall time, fallline's process wall time and its "wallSeconds" (the
# solve). Then the scale series 129, 257, 513, 1025 with the default stopping rule (max |du| <= 1e-10) and -Xmx2g.
# Raw lines go to OUTDIR/raw.txt (default benchmarks/target/surface-vs-evolver); medians and ratios are printed.
#
# Environment: RUNS (default 5), JAVA_OPTS (default "-XX:TieredStopAtLevel=1": C1 only, which suits a run of a
# second or two; re-measured 2026-12-03 21:16 UTC, the default tiered JIT gave a solve ratio of 0.267 against
# C1's 0.098 in the same run — both recorded in the README; JAVA_OPTS=" " selects the JVM's default).
# Needs: java 17, evolver (Debian package evolver-nox), jq, GNU time (/usr/bin/time).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/benchmarks/scripts"
RUNS=${RUNS:-5}
JAVA_OPTS=${JAVA_OPTS:-"-XX:TieredStopAtLevel=1"}
OUT=${1:-"$ROOT/benchmarks/target/surface-vs-evolver"}
JAR="$ROOT/samples/target/fallline.jar"

die() { echo "surface-vs-evolver: $*" >&2; exit 1; }
for tool in java evolver jq /usr/bin/time; do
  command -v "$tool" >/dev/null || die "$tool is not on the PATH"
done
[ -f "$JAR" ] || die "build first: mvn -B -q package -DskipTests"
mkdir -p "$OUT"
RAW="$OUT/raw.txt"
: > "$RAW"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp "$HERE/evolver/scherk.fe" "$HERE/evolver/newton7.cmd" "$WORK/"

seconds() { # command... -> prints the wall seconds of the command, its output in $WORK/last.out
  /usr/bin/time -f "%e" -o "$WORK/time" "$@" > "$WORK/last.out" 2> "$WORK/last.err" < /dev/null
  cat "$WORK/time"
}

echo "# $(date -u +%FT%TZ) $(uname -m) load: $(cut -d' ' -f1-3 /proc/loadavg) JAVA_OPTS=$JAVA_OPTS" | tee -a "$RAW"
for r in $(seq 1 "$RUNS"); do
  (cd "$WORK" && seconds evolver -f newton7.cmd scherk.fe) > "$WORK/e"
  e=$(cat "$WORK/e")
  eline=$(grep '^L7' "$WORK/last.out")
  f=$(seconds java $JAVA_OPTS -jar "$JAR" surface --domain square:-1,1 --boundary scherk --n 257 --tol 1e-6 \
      --format json --quiet)
  solve=$(jq .wallSeconds "$WORK/last.out")
  err=$(jq .areaError "$WORK/last.out")
  echo "run $r evolver_wall $e [$eline] fallline_wall $f fallline_solve $solve fallline_area_error $err" | tee -a "$RAW"
done
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
e=$(awk '/^run/ { print $4 }' "$RAW" | median)
f=$(awk '/^run/ { print $(NF-4) }' "$RAW" | median)
s=$(awk '/^run/ { print $(NF-2) }' "$RAW" | median)
awk -v e="$e" -v f="$f" -v s="$s" 'BEGIN { printf "median: evolver %.2f s, fallline process %.2f s (ratio %.3f, target < 0.333), solve %.3f s (ratio %.3f, target < 0.1)\n", e, f, f / e, s, s / e }' | tee -a "$RAW"

for n in 129 257 513 1025; do
  f=$(seconds java -Xmx2g $JAVA_OPTS -jar "$JAR" surface --domain square:-1,1 --boundary scherk --n "$n" \
      --format json --quiet)
  echo "scale n $n process_wall $f solve $(jq .wallSeconds "$WORK/last.out") iterations $(jq .iterations "$WORK/last.out") area_error $(jq .areaError "$WORK/last.out")" | tee -a "$RAW"
done
