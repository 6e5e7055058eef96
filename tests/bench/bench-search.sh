#!/usr/bin/env bash
# Benchmark search over a big archive: fill it with N synthetic items
# (fill-archive, straight through the store), then time "telex search"
# for one- to three-word queries in five languages (top 50 with
# snippets), "telex list tag:X -n 50", tagging 10,000 items by query,
# and report the archive's bytes per item.  Times are whole runs of the
# telex binary, as a user or a script sees them; the page cache is warm.
# When bench-query sits beside FILL, the same queries are also timed
# inside one process (no start-up, as the interface runs them).
#
# usage: bench-search.sh TELEX FILL [--items N] [--archive PATH]
#                        [--runs K] [--strict]
# --archive reuses (or keeps) an archive at PATH instead of a temporary
# one; an archive that already holds items is not filled again.
# --strict makes a missed target an exit status of 1.

set -u

items=50000
runs=5
archive=
strict=0

# Targets, in milliseconds.
target_median=20
target_p95=100
target_list=10
target_tag=1000

usage()
{
	echo "usage: bench-search.sh TELEX FILL [--items N] [--archive PATH]" \
	    "[--runs K] [--strict]" >&2
	exit 1
}

die()
{
	echo "bench-search.sh: $*" >&2
	exit 2
}

number()
{
	case $2 in
	''|*[!0-9]*|0) die "$1 needs a positive whole number, not '$2'" ;;
	esac
}

[ $# -ge 2 ] || usage
telex=$1
fill=$2
shift 2
while [ $# -gt 0 ]; do
	case $1 in
	--strict) strict=1; shift; continue ;;
	*) [ $# -ge 2 ] || usage ;;
	esac
	case $1 in
	--items) number "$1" "$2"; items=$2 ;;
	--runs) number "$1" "$2"; runs=$2 ;;
	--archive) archive=$2 ;;
	*) usage ;;
	esac
	shift 2
done
[ -x "$telex" ] || die "no telex binary at $telex (run make first)"
[ -x "$fill" ] || die "no fill-archive at $fill (run make bench-search)"

work=$(mktemp -d "${TMPDIR:-/tmp}/telex-bench-search.XXXXXX") ||
    die "cannot make a temporary directory"
trap 'rm -rf "$work"' EXIT
[ -n "$archive" ] || archive=$work/archive.db

# Queries as people type them: inflected forms, so stemming is at work.
queries=(
	"negotiations" "harbour storm" "police court judge" "strikes"
	"energy prices" "refugees border" "budget"
	"frontière" "grève salaires" "prix énergie" "négociations"
	"Verhandlungen" "Hafen Sturm" "Streik Lohn Gewerkschaft" "Bahnhof"
	"huelga" "precios energía" "frontera refugiados" "alcalde"
	"переговоры" "бюджет налоги" "забастовка зарплаты профсоюз" "мэр"
)

# time_ms CMD...: run CMD quietly and print its wall time in ms.  The
# clock is bash's own, read with no process started, so the time is
# telex's and not the benchmark's.
time_ms()
{
	local start end

	start=$EPOCHREALTIME
	"$@" >/dev/null 2>"$work/err" || die "$* failed: $(cat "$work/err")"
	end=$EPOCHREALTIME
	awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f\n", (b - a) * 1000 }'
}

# Median and 95th percentile of the numbers on standard input.
stats()
{
	sort -n | awk '{ v[NR] = $1 } END {
		m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		p = int(NR * 0.95 + 0.999); if (p < 1) p = 1
		printf "%.1f %.1f\n", m, v[p] }'
}

count=$("$telex" -d "$archive" stats 2>/dev/null |
    awk '$1 == "items:" { print $2 }')
if [ -z "$count" ] || [ "$count" -eq 0 ]; then
	echo "filling $archive with $items items"
	start=$(date +%s)
	"$fill" "$archive" "$items" || die "filling the archive failed"
	echo "fill: $(( $(date +%s) - start )) s"
fi
"$telex" -d "$archive" stats >"$work/stats" 2>&1 ||
    die "telex stats failed: $(cat "$work/stats")"
count=$(awk '$1 == "items:" { print $2 }' "$work/stats")
bytes=0
for f in "$archive" "$archive-wal"; do
	[ -f "$f" ] && bytes=$((bytes + $(stat -c %s "$f")))
done
echo "archive: $count items, $bytes bytes, $((bytes / count)) bytes per item"

# What starting telex costs, apart from any archive.
for _ in $(seq "$runs"); do
	time_ms "$telex" --version
done >"$work/start"
read -r st_median st_p95 < <(stats <"$work/start")
echo "start-up (telex --version): median $st_median ms"

# One search first, so the page cache holds what searches read.
"$telex" -d "$archive" search -n 50 "${queries[0]}" >/dev/null 2>&1
for q in "${queries[@]}"; do
	for _ in $(seq "$runs"); do
		time_ms "$telex" -d "$archive" search -n 50 "$q"
	done >"$work/q"
	printf '%-32s %s\n' "$q" "$(stats <"$work/q")" >>"$work/per-query"
	cat "$work/q" >>"$work/search"
done
echo "search -n 50, ms per query (median p95):"
sed 's/^/  /' "$work/per-query"
read -r s_median s_p95 < <(stats <"$work/search")
echo "search: median $s_median ms, p95 $s_p95 ms" \
    "($(wc -l <"$work/search") runs)"
inproc=$(dirname "$fill")/bench-query
if [ -x "$inproc" ]; then
	"$inproc" "$archive" "$runs" search "${queries[@]}" ||
	    die "bench-query failed"
fi

# Tag about 10,000 items: a week of items, one a minute from 2020-09-13.
tag_query="after:2020-09-14 before:2020-09-21"
tagged=$("$telex" -d "$archive" list -n 0 "$tag_query" 2>/dev/null | wc -l)
t_tag=$(time_ms "$telex" -d "$archive" tag +bench-week -- "$tag_query")
echo "tag +bench-week on $tagged items: $t_tag ms"
for _ in $(seq "$runs"); do
	time_ms "$telex" -d "$archive" list -n 50 tag:bench-week
done >"$work/list"
read -r l_median l_p95 < <(stats <"$work/list")
echo "list tag:bench-week -n 50: median $l_median ms, p95 $l_p95 ms"
if [ -x "$inproc" ]; then
	"$inproc" "$archive" "$runs" list tag:bench-week ||
	    die "bench-query failed"
fi
time_ms "$telex" -d "$archive" tag -bench-week -- tag:bench-week >/dev/null

missed=0
check()
{
	if awk -v v="$2" -v t="$3" 'BEGIN { exit !(v > t) }'; then
		echo "MISSED: $1 $2 ms > $3 ms"
		missed=1
	fi
}
check "search median" "$s_median" "$target_median"
check "search p95" "$s_p95" "$target_p95"
check "list tag median" "$l_median" "$target_list"
check "tag 10,000" "$t_tag" "$target_tag"
[ "$missed" -eq 0 ] && echo "all targets met"
[ "$strict" -eq 1 ] && exit "$missed"
exit 0
