#!/usr/bin/env bash
# Runs every workload (W1-W10) and the full-size seed one after another, each with its default sizes and runs,
# and keeps each log under bench/results/<UTC timestamp>/. Meant for a quiet machine: the workloads share it.
#   npm run bench:all              # everything, full size
#   npm run bench:all -- w3 w7     # a subset
#   npm run bench:smoke            # every workload at a tiny size, once: keeps the scripts from rotting (CI runs it)
set -uo pipefail
cd "$(dirname "$0")/.."
smoke=0
if [ "${1:-}" = "--smoke" ]; then smoke=1; shift; fi
out="bench/results/$(date -u +%Y%m%dT%H%M%SZ)$([ $smoke = 1 ] && echo -smoke)"
mkdir -p "$out"
npm run --silent bench:build || { echo "bench:build failed"; exit 1; }
workloads=("$@")
[ ${#workloads[@]} -eq 0 ] && workloads=(w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 seed)
# Tiny sizes: the same code paths and correctness checks, in seconds. They check that the scripts work, not how
# fast: few connections and little concurrency, so a busy machine (CI next to other work) slows them but cannot fail
# them; the bench pools wait for a connection instead of giving up after the app's 5 s (bench/support/bench-db.ts).
small() { [ $smoke = 1 ] && echo "$@"; }
status=0
for w in "${workloads[@]}"; do
  echo "== $w ($(date -u +%H:%M:%S)) -> $out/$w.log"
  started=$SECONDS
  case "$w" in
    w1) node .bench-dist/bench/http-overhead.bench.js --only w1 $(small --runs 1 --seconds 1 --connections 4) ;;
    w2) node .bench-dist/bench/http-overhead.bench.js --only w2 $(small --runs 1 --seconds 1 --connections 4) ;;
    w3) node .bench-dist/bench/suggestions.bench.js $(small --mentors=2000 --runs=4) ;;
    w4) node .bench-dist/bench/rsvp-burst.bench.js $(small --runs=1 --rsvps=200 --seats=20 --pool=8 --connections=20) ;;
    w5) node .bench-dist/bench/notifications-fanout.bench.js $(small --members=2000 --runs=1) ;;
    w6) node .bench-dist/bench/cohort-matching.bench.js $(small --learners=500 --mentors=100 --runs=1) ;;
    w7) node .bench-dist/bench/meetups.bench.js $(small --meetups=2000 --runs=1 --queries=20) ;;
    w8) node .bench-dist/bench/mentor-search.bench.js $(small --mentors=2000 --runs=1 --queries=50) ;;
    w9) node .bench-dist/bench/session-slots.bench.js $(small --runs=1 --calls=20 --reference-calls=1 --days=3) ;;
    w10) node .bench-dist/bench/conversation-list.bench.js $(small --others=200 --runs=1 --queries=10) ;;
    seed) node .bench-dist/bench/seed.bench.js $(small --runs=1 --mentors=500 --learners=500 --meetups=500) ;;
    *) echo "unknown workload $w"; false ;;
  esac > "$out/$w.log" 2>&1
  rc=$?
  [ $rc -ne 0 ] && status=1
  echo "   exit $rc after $((SECONDS - started)) s; last lines:"
  tail -n 12 "$out/$w.log" | sed 's/^/   /'
done
exit $status
