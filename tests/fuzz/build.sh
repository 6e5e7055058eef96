#!/bin/sh
# Build telex's libFuzzer targets with clang into OUTDIR:
#   build.sh SRCDIR OUTDIR [CONFIG_H_DIR]
#   build.sh --list      (the target names, one line)
# Each target links the library sources it needs, with AddressSanitizer
# and UBSan.  Exit 77 (skip) when clang or libFuzzer is missing.
set -eu
targets="parse clean opml date url query pack jsonfeed"
if [ "${1:-}" = --list ]; then
	echo "$targets"
	exit 0
fi
src=$1
out=$2
confdir=${3:-$src}
cc=${FUZZ_CC:-clang}
command -v "$cc" >/dev/null 2>&1 || { echo "fuzz: $cc not found" >&2; exit 77; }
mkdir -p "$out"
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' \
    >"$out/probe.c"
"$cc" -fsanitize=fuzzer "$out/probe.c" -o "$out/probe" 2>/dev/null ||
    { echo "fuzz: $cc cannot build libFuzzer targets" >&2; exit 77; }
pkgs="libcurl mxml sqlite3 libxml-2.0 libutf8proc libzstd"
cflags="-g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L -fsanitize=fuzzer-no-link,address,undefined
    -I$confdir -I$src/src -I$src/feeds $(pkg-config --cflags $pkgs)"
libs="$(pkg-config --libs $pkgs) -lstemmer -lpthread"
objs=
# Every library source: all of src/ and feeds/ but the command line.
for f in $(cd "$src" && ls src/*.c feeds/*.c | grep -v -e '^src/main\.c$' \
    -e '^src/cli'); do
	o=$out/$(basename "$f" .c).o
	# shellcheck disable=SC2086
	"$cc" $cflags -c "$src/$f" -o "$o"
	objs="$objs $o"
done
for t in $targets; do
	# shellcheck disable=SC2086
	"$cc" $cflags -fsanitize=fuzzer,address,undefined \
	    "$src/tests/fuzz/fuzz-$t.c" $objs $libs -o "$out/fuzz-$t"
done
rm -f "$out/probe" "$out/probe.c"
