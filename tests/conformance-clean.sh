#!/bin/sh
# Accuracy of the cleaner, scored by ../shared/tools/extract-score.py:
# Mozilla Readability's pages in full and every 4th WCXB dev page, each
# with a floor, so that a change that lowers accuracy fails.  The full
# WCXB set is scored by tests/bench/score-extract.sh.
. "${TELEX_SRCDIR:-.}/tests/lib.sh"

CONF=${TELEX_CONFORMANCE:-$TELEX_SRCDIR/../shared/conformance}
TOOL=$CONF/../tools/extract-score.py
READABILITY_FLOOR=0.970
WCXB_FLOOR=0.952
WCXB_MUSTNOT_CEIL=0.9

# t_floor NAME OUTPUT FLOOR: the shingle F1 in OUTPUT is at least FLOOR.
t_floor() {
	f1=$(printf '%s\n' "$2" | sed -n 's/.*shingle F1=\([0-9.]*\).*/\1/p')
	if [ -n "$f1" ] && awk "BEGIN { exit !($f1 >= $3) }"; then
		t_ok "$1: shingle F1 $f1 >= $3"
	else
		printf '%s\n' "$2" >"$T_DIR/why"
		t_fail "$1: shingle F1 ${f1:-none} below $3" "$T_DIR/why"
	fi
}

if ! "$PYTHON3" -c 'import sys' 2>/dev/null || [ ! -f "$TOOL" ]; then
	t_skip "own fixture pages" "no python3 or no $TOOL"
	t_skip "readability accuracy" "no python3 or no $TOOL"
	t_skip "wcxb accuracy" "no python3 or no $TOOL"
	t_done
fi

# Our own pages' references hold the headline line, as telex clean
# prints it; the shared sets are scored on the text alone.
out=$("$PYTHON3" "$TOOL" run --suite pairs "$TELEX_SRCDIR/tests/data/pages" \
    --cmd "$TELEX clean {html}" | tail -1)
t_floor "own fixture pages" "$out" 0.99

if [ -d "$CONF/readability/pages" ]; then
	out=$("$PYTHON3" "$TOOL" run --suite readability \
	    "$CONF/readability/pages" --cmd "$TELEX clean --text {html}" | tail -1)
	echo "# $out"
	t_floor "readability pages" "$out" "$READABILITY_FLOOR"
else
	t_skip "readability accuracy" "no $CONF/readability"
fi

if [ -d "$CONF/wcxb-dev-articles/truth" ]; then
	mkdir -p "$T_DIR/wcxb/html" "$T_DIR/wcxb/truth"
	i=0
	for t in "$CONF"/wcxb-dev-articles/truth/*.json; do
		i=$((i + 1))
		[ $((i % 4)) -eq 1 ] || continue
		id=$(basename "$t" .json)
		ln -s "$t" "$T_DIR/wcxb/truth/$id.json"
		ln -s "$CONF/wcxb-dev-articles/html/$id.html.gz" \
		    "$T_DIR/wcxb/html/$id.html.gz"
	done
	out=$("$PYTHON3" "$TOOL" run --suite wcxb "$T_DIR/wcxb" \
	    --cmd "$TELEX clean --text {html}" | tail -1)
	echo "# every 4th page: $out"
	t_floor "wcxb every 4th page" "$out" "$WCXB_FLOOR"
	mustnot=$(printf '%s\n' "$out" | sed -n 's/.*must-not=\([0-9.]*\)%.*/\1/p')
	if [ -n "$mustnot" ] && awk "BEGIN { exit !($mustnot <= $WCXB_MUSTNOT_CEIL) }"
	then
		t_ok "wcxb must-not snippets $mustnot% <= $WCXB_MUSTNOT_CEIL%"
	else
		t_fail "wcxb must-not snippets ${mustnot:-?}% over $WCXB_MUSTNOT_CEIL%"
	fi
else
	t_skip "wcxb accuracy" "no $CONF/wcxb-dev-articles"
fi
t_done
