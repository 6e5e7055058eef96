#!/bin/sh
# Accuracy of the cleaner over the full sets: Mozilla Readability's 130
# pages and the 793 WCXB dev article pages (make check scores every 4th),
# then the WCXB snippet shares with typographic quotes folded beside them.
#   tests/bench/score-extract.sh [TELEX]
set -eu
telex=${1:-./telex}
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
conf=${TELEX_CONFORMANCE:-$srcdir/../shared/conformance}
tool=$conf/../tools/extract-score.py
python3 "$tool" run --suite readability "$conf/readability/pages" \
    --cmd "$telex clean --text {html}"
out=$(mktemp -d "${TMPDIR:-/tmp}/score-extract.XXXXXX")
trap 'rm -rf "$out"' EXIT
python3 "$tool" run --suite wcxb "$conf/wcxb-dev-articles" \
    --cmd "$telex clean --text {html}" --out "$out"
python3 "$srcdir/tests/bench/snippets.py" \
    "$conf/wcxb-dev-articles/truth" "$out"
