#!/bin/sh
# Run every libFuzzer target of telex for a set time:
#   run.sh SRCDIR CONFIG_H_DIR OUTDIR [SECONDS [JOBS]]
# The targets are built into OUTDIR (tests/fuzz/build.sh); each fuzzes
# its own corpus, OUTDIR/corpus-NAME, seeded with copies of fixtures
# (tests/fuzz/seed.sh), which grows from run to run.  JOBS targets run
# at once, SECONDS each (defaults 60 and 1).
#
# One line per target: "PASS: fuzz-NAME: N runs in S s", or "FAIL:" with
# the saved input that failed, the head of the sanitizer's report and
# the end of libFuzzer's (the input in base64 too, up to 4 KB); then
# "# PASS: n", "# FAIL: n", "# SKIP: n".  Exits 1 after any failure.
set -u
src=$1
confdir=$2
out=$3
seconds=${4:-60}
jobs=${5:-1}
here=$src/tests/fuzz
pass=0
fail=0
skip=0

totals() {
	printf '# PASS: %d\n# FAIL: %d\n# SKIP: %d\n' "$pass" "$fail" "$skip"
	[ "$fail" -eq 0 ]
	exit
}

targets=$(sh "$here/build.sh" --list)
mkdir -p "$out"
echo "fuzz: building the targets into $out" >&2
rc=0
sh "$here/build.sh" "$src" "$out" "$confdir" >"$out/build.log" 2>&1 || rc=$?
if [ "$rc" -eq 77 ]; then
	for t in $targets; do
		echo "SKIP: fuzz-$t: $(tail -n 1 "$out/build.log")"
		skip=$((skip + 1))
	done
	totals
elif [ "$rc" -ne 0 ]; then
	echo "FAIL: the fuzz targets do not build ($out/build.log):"
	tail -n 30 "$out/build.log" | sed 's/^/  /'
	fail=1
	totals
fi

for t in $targets; do
	sh "$here/seed.sh" "$src" "$t" "$out/corpus-$t"
done

# Fuzz one target; its report goes to OUTDIR/NAME.log, a finding to
# OUTDIR/findings-NAME/.
fuzz_one() {
	rm -rf "$out/findings-$1"
	mkdir -p "$out/findings-$1"
	"$out/fuzz-$1" -max_total_time="$seconds" -max_len=65536 \
	    -rss_limit_mb=1024 -timeout=10 -print_final_stats=1 \
	    -artifact_prefix="$out/findings-$1/" "$out/corpus-$1" \
	    >"$out/$1.log" 2>&1
}

report() {
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$1.log")
	took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' \
	    "$out/$1.log")
	found=$(find "$out/findings-$1" -type f | head -n 1)
	if [ "$2" -eq 0 ] && [ -z "$found" ]; then
		echo "PASS: fuzz-$1: ${runs:-?} runs in ${took:-$seconds} s"
		pass=$((pass + 1))
		return
	fi
	fail=$((fail + 1))
	echo "FAIL: fuzz-$1 (exit $2): ${found:-no input saved}"
	# The head of the sanitizer's report, then libFuzzer's last words.
	sed -n '/ERROR: \|runtime error\|^Direct leak\|^Indirect leak/,$p' \
	    "$out/$1.log" | head -n 24 | sed 's/^/  /'
	echo "  ..."
	sed -n '/^SUMMARY: /,$p' "$out/$1.log" | grep -v '^stat::' |
	    tail -n 12 | sed 's/^/  /'
	if [ -n "$found" ] && [ "$(wc -c <"$found")" -le 4096 ] &&
	    ! grep -q '^Base64:' "$out/$1.log"; then
		echo "  the input, base64:"
		base64 "$found" | sed 's/^/  /'
	fi
}

# Run JOBS at a time: every run takes the same time, so batches do.
# shellcheck disable=SC2086
set -- $targets
while [ $# -gt 0 ]; do
	started=
	n=0
	while [ $# -gt 0 ] && [ "$n" -lt "$jobs" ]; do
		echo "fuzz: fuzz-$1 for $seconds s" >&2
		fuzz_one "$1" &
		started="$started $1:$!"
		n=$((n + 1))
		shift
	done
	for tp in $started; do
		rc=0
		wait "${tp#*:}" || rc=$?
		report "${tp%%:*}" "$rc"
	done
done
totals
