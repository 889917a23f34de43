#!/usr/bin/env bash
# run-dup-bench.sh — the cost of the duplicate-lead check (R25) at 1,000,000 leads
#
#   bench/run-dup-bench.sh [--leads N] [-- DUP-BENCH-ARGS…]
#
# 1. builds (ninja -C build);
# 2. fills a database with N leads (default 1,000,000, no timeline: only the
#    leads matter here) with build/bench/fill-leads, once: it is kept in
#    $RCRM_BENCH_DIR (default ~/.cache/rcrm-bench) under a name with N and a
#    hash of fill-leads.c (about 8 minutes and 1.3 GB for a million);
# 3. runs build/bench/dup-bench on a copy of it (the throughput runs add leads):
#    the in-process check's percentiles, then POST /leads per second with the
#    checks off and on, alternating.
# Results and the machine are in docs/performance.md.
set -euo pipefail

cd "$(dirname "$0")/.."
leads=1000000
extra=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --leads) leads=$2; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "usage: $0 [--leads N] [-- DUP-BENCH-ARGS…]" >&2; exit 2 ;;
  esac
done

build=build
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" >/dev/null
fi
ninja -C "$build" >/dev/null

dir=${RCRM_BENCH_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/rcrm-bench}
mkdir -p "$dir"
hash=$(sha256sum bench/fill-leads.c | cut -c1-12)
db="$dir/dup-$leads-$hash.db"
if [ ! -f "$db" ]; then
  echo "filling $db with $leads leads (once)…"
  rm -f "$db.tmp" "$db.tmp-wal" "$db.tmp-shm"
  "$build/bench/fill-leads" --server "$build/src/server/rcrm-server" --database "$db.tmp" \
    --leads "$leads" --no-timeline
  mv "$db.tmp" "$db"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/rcrm-dup-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp "$db" "$work/bench.db"
"$build/bench/dup-bench" --server-binary "$build/src/server/rcrm-server" --database "$work/bench.db" \
  "${extra[@]}" 2> >(grep -v "^\*\* Message" >&2)
