#!/bin/sh
# The layers of telex, read from the object files of this build by
# tests/layers.py: no loop between files, ui/ calls no command-line code,
# core code neither prints to standard output nor exits.
exec "${PYTHON3:-python3}" "$TELEX_SRCDIR/tests/layers.py" "$(dirname "$TELEX")"
