# Shared helpers for telex's end-to-end tests: TAP output, a private
# archive in a temp dir, and the loopback test server.
#
# Each test script sources this, calls t_* helpers, and ends with t_done.

set -u
: "${TELEX:=$(pwd)/telex}"
: "${TELEX_SRCDIR:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${PYTHON3:=python3}"

T_COUNT=0
T_FAILED=0
T_DIR=$(mktemp -d "${TMPDIR:-/tmp}/telex-test.XXXXXX")
T_DB=$T_DIR/archive.db
T_SERVER_PID=
export HOME="$T_DIR/home" XDG_DATA_HOME="$T_DIR/data" \
    XDG_CONFIG_HOME="$T_DIR/config" TZ=UTC LC_ALL=C.UTF-8
unset TELEX_DB
mkdir -p "$HOME"

t_cleanup() {
	if [ -n "$T_SERVER_PID" ]; then
		kill "$T_SERVER_PID" 2>/dev/null
		wait "$T_SERVER_PID" 2>/dev/null
	fi
	rm -rf "$T_DIR"
}
trap t_cleanup EXIT

t_ok() {
	T_COUNT=$((T_COUNT + 1))
	echo "ok $T_COUNT - $1"
}

# t_fail NAME [DETAIL-FILE]
t_fail() {
	T_COUNT=$((T_COUNT + 1))
	T_FAILED=$((T_FAILED + 1))
	echo "not ok $T_COUNT - $1"
	if [ $# -gt 1 ] && [ -f "$2" ]; then
		sed 's/^/#   /' "$2" | head -40
	fi
}

t_skip() {
	T_COUNT=$((T_COUNT + 1))
	echo "ok $T_COUNT - $1 # SKIP $2"
}

# telex with the test archive; output in $T_OUT, errors in $T_ERR, status
# in $T_RC.
tx() {
	T_RC=0
	"$TELEX" -d "$T_DB" "$@" >"$T_DIR/out" 2>"$T_DIR/err" || T_RC=$?
	T_OUT=$(cat "$T_DIR/out")
	T_ERR=$(cat "$T_DIR/err")
}

# t_expect NAME STATUS: the last tx exited with STATUS.
t_status() {
	if [ "$T_RC" -eq "$2" ]; then
		t_ok "$1"
	else
		{ echo "exit status $T_RC, wanted $2"; echo "stdout:";
		  cat "$T_DIR/out"; echo "stderr:"; cat "$T_DIR/err"; } \
		    >"$T_DIR/why"
		t_fail "$1" "$T_DIR/why"
	fi
}

# t_match NAME TEXT PATTERN: TEXT matches the extended regex PATTERN.
t_match() {
	if printf '%s\n' "$2" | grep -Eq -- "$3"; then
		t_ok "$1"
	else
		{ echo "wanted /$3/ in:"; printf '%s\n' "$2"; } >"$T_DIR/why"
		t_fail "$1" "$T_DIR/why"
	fi
}

t_no_match() {
	if printf '%s\n' "$2" | grep -Eq -- "$3"; then
		{ echo "did not want /$3/ in:"; printf '%s\n' "$2"; } >"$T_DIR/why"
		t_fail "$1" "$T_DIR/why"
	else
		t_ok "$1"
	fi
}

t_eq() {
	if [ "$2" = "$3" ]; then
		t_ok "$1"
	else
		{ echo "got:"; printf '%s\n' "$2"; echo "wanted:";
		  printf '%s\n' "$3"; } >"$T_DIR/why"
		t_fail "$1" "$T_DIR/why"
	fi
}

# Start tests/httpd.py serving ROOT; sets T_PORT and T_LOG.
t_server() {
	T_LOG=$T_DIR/httpd.log
	rm -f "$T_DIR/port"
	"$PYTHON3" "$TELEX_SRCDIR/tests/httpd.py" --root "$1" --log "$T_LOG" \
	    --port-file "$T_DIR/port" </dev/null >/dev/null 2>"$T_DIR/httpd.err" &
	T_SERVER_PID=$!
	i=0
	while [ ! -s "$T_DIR/port" ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	if [ ! -s "$T_DIR/port" ]; then
		echo "Bail out! the test server did not start"
		cat "$T_DIR/httpd.err" | sed 's/^/# /'
		exit 1
	fi
	T_PORT=$(cat "$T_DIR/port")
	T_URL=http://127.0.0.1:$T_PORT
}

t_done() {
	echo "1..$T_COUNT"
	exit 0
}
