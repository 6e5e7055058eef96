#!/usr/bin/env bash
# Benchmark "telex poll" against a synthetic corpus served on loopback:
# a cold poll (every item new, fresh archive) and a warm poll (every feed
# answers 304), wall time and peak RSS, medians over several runs.
#
# usage: bench-poll.sh TELEX [--feeds N] [--items M] [--runs K]
#                            [--jobs J] [--timeout SECONDS] [--strict]
# --strict makes a missed target an exit status of 1.  The corpus and the
# archives live in a temporary directory under $TMPDIR (default /tmp),
# removed on exit; set TMPDIR to measure on another disk.

set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
py=${PYTHON3:-python3}

feeds=100
items=500
runs=5
jobs=
timeout=300
strict=0

# Targets: cold poll wall seconds, warm poll wall seconds, peak RSS in MB.
target_cold=3
target_warm=0.3
target_rss=64

usage()
{
	echo "usage: bench-poll.sh TELEX [--feeds N] [--items M] [--runs K]" \
	    "[--jobs J] [--timeout SECONDS] [--strict]" >&2
	exit 1
}

die()
{
	echo "bench-poll.sh: $*" >&2
	exit 2
}

number()
{
	case $2 in
	''|*[!0-9]*|0) die "$1 needs a positive whole number, not '$2'" ;;
	esac
}

[ $# -ge 1 ] || usage
telex=$1
shift
while [ $# -gt 0 ]; do
	case $1 in
	--strict) ;;
	*) [ $# -ge 2 ] || usage ;;
	esac
	case $1 in
	--feeds) number "$1" "$2"; feeds=$2; shift 2 ;;
	--items) number "$1" "$2"; items=$2; shift 2 ;;
	--runs) number "$1" "$2"; runs=$2; shift 2 ;;
	--jobs) number "$1" "$2"; jobs=$2; shift 2 ;;
	--timeout) number "$1" "$2"; timeout=$2; shift 2 ;;
	--strict) strict=1; shift ;;
	*) usage ;;
	esac
done
[ "$feeds" -le 999 ] || die "--feeds can be at most 999"
[ -x "$telex" ] || die "$telex is not an executable file"
command -v "$py" >/dev/null || die "python3 is needed to serve the corpus"
[ -f "$top/tests/httpd.py" ] || die "the test server $top/tests/httpd.py is missing"

tmp=
server=
timer=
cleanup()
{
	local pid

	for pid in $timer $server; do
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
	[ -n "$tmp" ] && rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

tmp=$(mktemp -d "${TMPDIR:-/tmp}/telex-bench.XXXXXX") ||
    die "cannot create a temporary directory"

# measure OUT TIMEOUT CMD...: run CMD, write "wall_s peak_rss_kb status"
# to OUT.  getrusage(RUSAGE_CHILDREN) works without GNU time; status 124
# means CMD ran past TIMEOUT seconds and was killed.
cat >"$tmp/measure.py" <<'EOF'
import resource, signal, subprocess, sys, time
out, limit, cmd = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
start = time.monotonic()
try:
    child = subprocess.Popen(cmd)
except OSError as e:
    sys.exit("cannot run %s: %s" % (cmd[0], e.strerror))
def stop(*_):
    child.kill()
    sys.exit(1)
signal.signal(signal.SIGTERM, stop)
try:
    status = child.wait(timeout=limit)
except subprocess.TimeoutExpired:
    child.kill()
    child.wait()
    status = 124
wall = time.monotonic() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
with open(out, "w") as f:
    f.write("%.3f %d %d\n" % (wall, rss, status))
EOF

# start_server: run tests/httpd.py on the corpus; sets $server and $port.
start_server()
{
	local _

	"$py" "$top/tests/httpd.py" --root "$tmp/corpus" \
	    >"$tmp/httpd.out" 2>"$tmp/httpd.err" &
	server=$!
	for _ in $(seq 100); do
		read -r port <"$tmp/httpd.out" 2>/dev/null
		case $port in
		''|*[!0-9]*) ;;
		*) return 0 ;;
		esac
		kill -0 "$server" 2>/dev/null ||
		    die "the test server stopped: $(head -c 500 "$tmp/httpd.err")"
		sleep 0.1
	done
	die "the test server printed no port within 10 seconds"
}

# subscribe DB PORT: a fresh archive with every corpus feed in it.
subscribe()
{
	local n url

	for n in $(seq -f '%03g' "$feeds"); do
		url="http://127.0.0.1:$2/feed/feed-$n.xml"
		timeout 60 "$telex" -d "$1" add "$url" >/dev/null \
		    2>"$tmp/add.err" ||
		    die "telex add $url failed: $(head -c 500 "$tmp/add.err")"
	done
}

# poll DB NAME: time one "telex poll"; leaves "wall rss status" in
# $tmp/NAME.m and the summary counts in $new $unchanged $failed.
poll()
{
	local m=$tmp/$2.m line wall rss status

	# In the background so that a signal reaches the trap at once.
	"$py" "$tmp/measure.py" "$m" "$timeout" \
	    "$telex" -d "$1" poll ${jobs:+-j "$jobs"} \
	    >"$tmp/$2.out" 2>"$tmp/$2.err" &
	timer=$!
	wait "$timer" || die "could not time telex poll:" \
	    "$(tail -c 500 "$tmp/$2.err")"
	timer=
	read -r wall rss status <"$m"
	[ "$status" -ne 124 ] ||
	    die "$2 poll ran past $timeout seconds and was stopped"
	line=$(cat "$tmp/$2.out" "$tmp/$2.err" |
	    grep -E 'polled [0-9]+ feeds?: ' | tail -n 1)
	if [ "$status" -ne 0 ] || [ -z "$line" ]; then
		die "$2 poll failed (exit status $status):" \
		    "$(tail -c 800 "$tmp/$2.err")"
	fi
	new=$(echo "$line" | sed -n 's/.* \([0-9][0-9]*\) new.*/\1/p')
	unchanged=$(echo "$line" |
	    sed -n 's/.* \([0-9][0-9]*\) unchanged.*/\1/p')
	failed=$(echo "$line" | sed -n 's/.* \([0-9][0-9]*\) failed.*/\1/p')
	[ -n "$new" ] && [ -n "$unchanged" ] && [ -n "$failed" ] ||
	    die "cannot read the $2 poll summary: $line"
}

# One run: fresh archive, cold poll, warm poll; appends to the results.
run_once()
{
	local db=$tmp/run.db wall rss status

	rm -f "$db" "$db-wal" "$db-shm"
	subscribe "$db" "$port"

	poll "$db" cold
	[ "$failed" -eq 0 ] && [ "$new" -eq $((feeds * items)) ] ||
	    die "cold poll stored $new new items, expected $((feeds * items))" \
	    "($failed feeds failed)"
	read -r wall rss status <"$tmp/cold.m"
	cold_wall+=("$wall")
	cold_rss+=("$rss")
	rate+=("$(awk -v n="$new" -v t="$wall" \
	    'BEGIN { printf "%d", n / (t > 0.001 ? t : 0.001) }')")

	poll "$db" warm
	[ "$failed" -eq 0 ] && [ "$new" -eq 0 ] && [ "$unchanged" -eq "$feeds" ] ||
	    die "warm poll: $new new, $unchanged unchanged, $failed failed;" \
	    "expected 0 new and $feeds unchanged"
	read -r wall rss status <"$tmp/warm.m"
	warm_wall+=("$wall")
	warm_rss+=("$rss")
	size+=("$(du -ck "$db"* | tail -n 1 | cut -f 1)")

	if [ ${#cold_wall[@]} -eq 1 ]; then
		"$telex" -d "$db" stats >"$tmp/stats" 2>&1 ||
		    die "telex stats failed: $(head -c 500 "$tmp/stats")"
	fi
	rm -f "$db" "$db-wal" "$db-shm"
}

# stat SCALE VALUES...: "median min max" of VALUES divided by SCALE.
stat()
{
	local scale=$1
	shift
	printf '%s\n' "$@" | sort -g | awk -v s="$scale" '
	    { v[NR] = $1 / s }
	    END {
		m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		print m, v[1], v[NR]
	    }'
}

# row LABEL FORMAT TARGET-TEXT TARGET-OP TARGET SCALE VALUES...
row()
{
	local label=$1 fmt=$2 ttext=$3 op=$4 target=$5 scale=$6 med lo hi
	local mark=
	shift 6
	read -r med lo hi <<<"$(stat "$scale" "$@")"
	if [ -n "$op" ]; then
		if awk -v m="$med" -v t="$target" "BEGIN { exit !(m $op t) }"
		then
			mark=ok
		else
			mark=MISSED
			missed=1
		fi
	fi
	printf "%-22s $fmt $fmt $fmt  %-8s %s\n" "$label" "$med" "$lo" "$hi" \
	    "$ttext" "$mark"
}

report()
{
	printf '\n%-22s %9s %9s %9s  %-8s\n' "" median min max target
	row "cold poll (s)" "%9.2f" "<= $target_cold" "<=" "$target_cold" 1 \
	    "${cold_wall[@]}"
	row "warm poll (s)" "%9.3f" "<= $target_warm" "<=" "$target_warm" 1 \
	    "${warm_wall[@]}"
	row "cold peak RSS (MB)" "%9.1f" "< $target_rss" "<" "$target_rss" 1024 \
	    "${cold_rss[@]}"
	row "warm peak RSS (MB)" "%9.1f" "< $target_rss" "<" "$target_rss" 1024 \
	    "${warm_rss[@]}"
	row "cold items/s" "%9.0f" "" "" "" 1 "${rate[@]}"
	row "archive size (MB)" "%9.1f" "" "" "" 1024 "${size[@]}"
}

"$py" "$here/genfeeds.py" --feeds "$feeds" --items "$items" \
    --out "$tmp/corpus" >/dev/null || die "could not generate the corpus"
corpus_mb=$(du -sm "$tmp/corpus" | cut -f 1)
port=
start_server

note=
[ -z "$jobs" ] || note=", poll -j $jobs"
echo "telex poll benchmark: $feeds feeds x $items items" \
    "($((feeds * items)) items, $corpus_mb MB of XML), $runs runs$note"
cold_wall=() cold_rss=() warm_wall=() warm_rss=() rate=() size=()
missed=0
for r in $(seq "$runs"); do
	run_once
	printf 'run %d: cold %.2f s, warm %.3f s\n' "$r" \
	    "${cold_wall[-1]}" "${warm_wall[-1]}"
done
report | sed 's/ *$//'
echo
echo "telex stats after the first run:"
sed 's/^/  /' "$tmp/stats"

[ "$strict" -eq 0 ] || [ "$missed" -eq 0 ] || exit 1
exit 0
