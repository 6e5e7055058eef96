#!/bin/sh
# Copy the seed inputs of one fuzz target into its corpus directory:
#   seed.sh SRCDIR NAME DIR
# Seeds are our own fixtures that suit the target, and tests/fuzz/regress/
# NAME-* (inputs that once failed, and small samples).  Copies, because
# libFuzzer writes into its corpus: never hand it a source directory.
set -eu
src=$1
name=$2
dir=$3
mkdir -p "$dir"
case $name in
parse)	set -- "$src"/tests/data/*.xml "$src"/tests/data/archive/*.xml.in \
	    "$src"/feeds/demo/*.xml ;;
clean)	set -- "$src"/tests/data/pages/*.html \
	    "$src"/tests/data/archive/*.html ;;
opml)	set -- "$src"/tests/data/newsboat-urls ;;
jsonfeed)	set -- "$src"/tests/data/jsonfeed/*.json ;;
*)	set -- ;;
esac
for f in "$@" "$src"/tests/fuzz/regress/"$name"-*; do
	if [ -f "$f" ]; then
		cp "$f" "$dir/"
	fi
done
