#!/usr/bin/env bash
# Runs every workload (W1-W8) and the full-size seed one after another, each with its default sizes and runs,
# and keeps each log under bench/results/<UTC timestamp>/. Meant for a quiet machine: the workloads share it.
#   npm run bench:all            # everything
#   npm run bench:all -- w3 w7   # a subset
set -uo pipefail
cd "$(dirname "$0")/.."
out="bench/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
npm run --silent bench:build
workloads=("$@")
[ ${#workloads[@]} -eq 0 ] && workloads=(w1 w2 w3 w4 w5 w6 w7 w8 seed)
status=0
for w in "${workloads[@]}"; do
  echo "== $w ($(date -u +%H:%M:%S)) -> $out/$w.log"
  case "$w" in
    w1) node .bench-dist/bench/http-overhead.bench.js --only w1 ;;
    w2) node .bench-dist/bench/http-overhead.bench.js --only w2 ;;
    w3) node .bench-dist/bench/suggestions.bench.js ;;
    w4) node .bench-dist/bench/meetups.bench.js --only=storm ;;
    w5) node .bench-dist/bench/notifications-fanout.bench.js ;;
    w6) node .bench-dist/bench/cohort-matching.bench.js ;;
    w7) node .bench-dist/bench/meetups.bench.js --only=search ;;
    w8) node .bench-dist/bench/mentor-search.bench.js ;;
    seed) node .bench-dist/bench/seed.bench.js ;;
    *) echo "unknown workload $w"; false ;;
  esac > "$out/$w.log" 2>&1
  rc=$?
  [ $rc -ne 0 ] && status=1
  echo "   exit $rc; last lines:"; tail -n 12 "$out/$w.log" | sed 's/^/   /'
done
exit $status
