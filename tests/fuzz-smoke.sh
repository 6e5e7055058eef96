#!/bin/sh
# The fuzz targets build and survive their seed corpora plus a few
# thousand mutations each (long runs: make fuzz).
. "$(dirname "$0")/lib.sh"

out=$T_DIR/fuzz
rc=0
sh "$TELEX_SRCDIR/tests/fuzz/build.sh" "$TELEX_SRCDIR" "$out" \
    "$(dirname "$TELEX")" >"$T_DIR/build.log" 2>&1 || rc=$?
if [ "$rc" -eq 77 ]; then
	t_skip "fuzz targets build" "clang with libFuzzer is not installed"
	t_done
fi
if [ "$rc" -ne 0 ]; then
	t_fail "fuzz targets build" "$T_DIR/build.log"
	t_done
fi
t_ok "fuzz targets build"
for t in $(sh "$TELEX_SRCDIR/tests/fuzz/build.sh" --list); do
	sh "$TELEX_SRCDIR/tests/fuzz/seed.sh" "$TELEX_SRCDIR" "$t" \
	    "$T_DIR/corpus-$t"
	if "$out/fuzz-$t" -runs=3000 -max_len=65536 -rss_limit_mb=512 \
	    -artifact_prefix="$T_DIR/" \
	    -timeout=10 "$T_DIR/corpus-$t" >"$T_DIR/$t.log" 2>&1; then
		t_ok "fuzz-$t runs its seeds and 3000 mutations"
	else
		tail -30 "$T_DIR/$t.log" >"$T_DIR/why"
		t_fail "fuzz-$t runs its seeds and 3000 mutations" "$T_DIR/why"
	fi
done
t_done
