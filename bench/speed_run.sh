#!/usr/bin/env bash
# Every figure of issue 22 ("speed a user feels at any size") in one run, in the order that keeps
# one measurement from disturbing the next, each beside its SQL limit where it has one:
#
#   1. pages, aging, DSO (the home tiles' figures) and the close pack: receivables_bench.py
#   2. a month's scorecard, October and November: scorecard_bench.py
#   3. 50 API clients at people's pace, then back to back: load_test.py (Debian's wrk)
#   4. the memory of 50 open Vaadin sessions, a grid scroll and a form save: session_memory.mjs
#   5. 1,000 more tenants of 1,000 invoices: tenants_bench.py
#   6. another tenant's lists while bench imports 1,000,000 invoices: neighbour_bench.py (last: the
#      import and its deletion leave the invoice indexes larger, docs/PERFORMANCE.md)
#
# Needs the bench server (docs/PERFORMANCE.md, "How it was run"), wrk, and PLAYWRIGHT_HOME for step 4
# (a directory with node_modules/playwright-core). Writes everything to bench/runs/<date>/ and prints it.
# Usage: bench/speed_run.sh [step ...]   (steps 1-6; all by default)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
: "${DB_NAME:?export DB_NAME (portal_bench) and PORTAL_STATE_DIR as for the bench server}"
OUT="$HERE/runs/$(date -u +%Y-%m-%dT%H%M)"
mkdir -p "$OUT"
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(1 2 3 4 5 6)

cpu_of() { # the CPU seconds Liberty and PostgreSQL used while a command ran
  local lp t0 t1 p0 p1
  lp=$(pgrep -f ws-javaagent | head -1)
  pg() { local s=0; for p in $(pgrep -u postgres); do s=$((s + $(awk '{print $14+$15}' /proc/$p/stat 2>/dev/null || echo 0))); done; echo $s; }
  t0=$(awk '{print $14+$15}' /proc/$lp/stat); p0=$(pg)
  "$@"
  t1=$(awk '{print $14+$15}' /proc/$lp/stat); p1=$(pg)
  echo "CPU while it ran: Liberty $(( (t1 - t0) / 100 )) s, PostgreSQL $(( (p1 - p0) / 100 )) s"
}

run() { # step name command...
  local step=$1 name=$2; shift 2
  echo "== $step. $name ($(date -u +%H:%M:%S) UTC)" | tee -a "$OUT/all.md"
  cpu_of "$@" 2>&1 | tee "$OUT/$step-$name.md" | tee -a "$OUT/all.md"
}

for s in "${steps[@]}"; do
  case $s in
    1) run 1 receivables python3 "$HERE/receivables_bench.py" --invoices 1000000 --customers 2000 --repeat 30 ;;
    2) run 2 scorecard bash -c "python3 '$HERE/scorecard_bench.py' --repeat 30 --period 2026-10 && python3 '$HERE/scorecard_bench.py' --repeat 30 --period 2026-11" ;;
    3) run 3 load bash -c "python3 '$HERE/load_test.py' --duration 120 --think 200 && python3 '$HERE/load_test.py' --duration 120" ;;
    4) run 4 sessions node "$HERE/session_memory.mjs" 50 ;;
    5) run 5 tenants python3 "$HERE/tenants_bench.py" --tenants 1000 --invoices 1000 ;;
    6) run 6 neighbour python3 "$HERE/neighbour_bench.py" --invoices 1000000 --clients 4 --quiet 60 ;;
    *) echo "no step $s" >&2; exit 2 ;;
  esac
done
echo "== written to $OUT"
