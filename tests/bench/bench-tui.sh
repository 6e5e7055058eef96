#!/bin/sh
# The reader's speed: time from start to the first complete screen,
# resident memory, and the time each key takes (moving through the list,
# paging, opening an article), on an archive of N synthetic items.
#
# usage: bench-tui.sh TELEX FILL-ARCHIVE [--items N] [--archive PATH] [--runs R]
# Targets: first screen 50 ms at 50,000 items and 150 ms at 1,000,000;
# under 40 MB resident at 1,000,000; under 16 ms a key (the slowest of
# all runs).  Exits 0 when every target holds, 1 when one is missed.

set -eu
telex=$1 fill=$2
shift 2
items=50000 archive= runs=5
while [ $# -gt 0 ]; do
	case $1 in
	--items) items=$2; shift 2 ;;
	--archive) archive=$2; shift 2 ;;
	--runs) runs=$2; shift 2 ;;
	*) echo "bench-tui: unknown option $1" >&2; exit 1 ;;
	esac
done
command -v tmux >/dev/null || { echo "bench-tui: tmux is needed" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/telex-bench-tui.XXXXXX")
sock=telex-bench$$
trap 'tmux -L $sock kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
[ -n "$archive" ] || archive=$work/archive.db
[ -x "$fill" ] || { echo "bench-tui: no $fill (make tests/bench/fill-archive)" >&2; exit 1; }
echo "filling $archive to $items items..."
"$fill" "$archive" "$items" >/dev/null
"$telex" -d "$archive" stats | sed 's/^/  /'

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "-";
	else if (NR % 2) print a[(NR + 1) / 2];
	else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# One run: start, wait for the first screen, keys, memory.
run() {
	t=$work/timing.$1
	rm -f "$t" "$work/start"
	tmux -L $sock -f /dev/null new-session -d -x 120 -y 40 \
	    "date +%s.%N >$work/start; TELEX_UI_TIMING=$t exec $telex -d $archive"
	i=0
	while ! grep -q first-screen "$t" 2>/dev/null && [ $i -lt 300 ]; do
		sleep 0.05; i=$((i + 1))
	done
	pid=$(tmux -L $sock display -p '#{pane_pid}')
	awk -v s="$(cat "$work/start")" '/^first-screen/ {
		printf "%.3f\n", ($3 - s) * 1000 }' "$t" >>"$work/first"
	# A reader that has gone fails its keys and memory, not the script.
	tmux -L $sock send-keys Enter || true
	j=0
	while [ $j -lt 300 ]; do
		tmux -L $sock send-keys j || true
		j=$((j + 1))
	done
	tmux -L $sock send-keys NPage NPage NPage G g Enter q Enter q || true
	sleep 1
	{ grep VmHWM "/proc/$pid/status" || true; } |
	    awk '{ print $2 / 1024 }' >>"$work/rss"
	tmux -L $sock send-keys Q || true
	sleep 0.2
	tmux -L $sock kill-server 2>/dev/null || true
	for a in down page-down bottom top open; do
		awk -v a=$a '$1 == a { print $2 }' "$t" >>"$work/key-$a"
	done
}

r=1
while [ $r -le "$runs" ]; do
	run $r
	r=$((r + 1))
done
echo "items: $items   runs: $runs   (120x40 terminal)"
echo "first complete screen, median ms: $(median <"$work/first")"
echo "peak resident memory, median MB:  $(median <"$work/rss")"
for a in down page-down bottom top open; do
	printf "key %-10s median ms: %s  (max %s)\n" "$a" \
	    "$(median <"$work/key-$a")" \
	    "$(sort -n "$work/key-$a" | tail -n 1)"
done

# The targets; a figure that could not be measured misses its target.
missed=0
check() {
	if awk -v v="$2" -v t="$3" 'BEGIN { exit !(v != "-" && v != "" &&
	    v + 0 <= t + 0) }'; then
		printf '%-28s %8s  (target <= %s)  ok\n' "$1" "$2" "$3"
	else
		printf '%-28s %8s  (target <= %s)  MISSED\n' "$1" "$2" "$3"
		missed=1
	fi
}
first_target=50
[ "$items" -gt 50000 ] && first_target=150
echo
check "first screen, ms" "$(median <"$work/first")" "$first_target"
[ "$items" -ge 1000000 ] && check "resident memory, MB" \
    "$(median <"$work/rss")" 40
check "slowest key, ms" "$(cat "$work"/key-* | sort -n | tail -n 1)" 16
exit $missed
