#!/bin/sh
# Cleaner speed: MB/s of HTML through charset detection, parsing,
# extraction and rendering, over the WCXB dev pages on one core, as the
# median of RUNS runs; also the time cleaning adds per polled item.
#   tests/bench/bench-clean.sh [BUILDDIR] [RUNS]
set -eu
builddir=${1:-.}
runs=${2:-5}
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
conf=${TELEX_CONFORMANCE:-$srcdir/../shared/conformance}
pages=$conf/wcxb-dev-articles/html
target=40

[ -d "$pages" ] || { echo "bench-clean: no $pages; skipped"; exit 0; }
make -C "$builddir" tests/bench/bench-clean >/dev/null
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-clean.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
for f in "$pages"/*.html.gz; do
	gzip -dc "$f" >"$tmp/$(basename "$f" .gz)"
done
taskset -c 0 true 2>/dev/null && pin="taskset -c 0" || pin=
$pin "$builddir/tests/bench/bench-clean" "$runs" "$tmp"/*.html \
    >"$tmp/runs"
median=$(sort -n "$tmp/runs" | awk '{ v[NR] = $1 } END {
    print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
echo "clean: runs (MB/s): $(tr '\n' ' ' <"$tmp/runs")"
echo "clean: median $median MB/s on one core (target >= $target MB/s)"
awk "BEGIN { exit !($median >= $target) }" || {
	echo "clean: below target"; exit 1; }
