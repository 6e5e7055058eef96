# What the reader's tests share (sourced after tests/lib.sh): a private
# tmux server, the reader started in it, keys sent, and waits for what a
# person should see.  $BROWSER is a script writing its arguments to
# $T_DIR/opened.

SOCK=telex-test$$
export TERM=xterm-256color BROWSER="$T_DIR/browser"
unset NO_COLOR
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >"%s/opened"\n' "$T_DIR" >"$BROWSER"
chmod +x "$BROWSER"

tm() { tmux -L "$SOCK" "$@"; }
screen() { tm capture-pane -p -t tui 2>/dev/null; }
keys() { tm send-keys -t tui "$@"; }

# start W H [ARGS]: the reader in a fresh tmux window.
start() {
	w=$1 h=$2
	shift 2
	tm kill-server 2>/dev/null
	i=0
	while [ $i -lt 20 ]; do
		tm -f /dev/null new-session -d -s tui -x "$w" -y "$h" \
		    "env TZ=UTC LC_ALL=C.UTF-8 $TELEX -d $T_DB $*;
		    echo EXITED \$?; sleep 30" 2>/dev/null && return 0
		sleep 0.2
		i=$((i + 1))
	done
	echo "Bail out! tmux could not start a session"
	exit 1
}

# wait_for NAME PATTERN [SECONDS]: the screen shows PATTERN within
# SECONDS (10).
wait_for() {
	i=0
	while [ $i -lt $((${3:-10} * 10)) ]; do
		if screen | grep -Eq -- "$2"; then
			t_ok "$1"
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	{ echo "wanted /$2/ on the screen:"; screen; } >"$T_DIR/why"
	t_fail "$1" "$T_DIR/why"
	return 1
}

# wait_gone NAME PATTERN: PATTERN leaves the screen within 10 s.
wait_gone() {
	i=0
	while [ $i -lt 100 ]; do
		if ! screen | grep -Eq -- "$2"; then
			t_ok "$1"
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	{ echo "did not want /$2/ on the screen:"; screen; } >"$T_DIR/why"
	t_fail "$1" "$T_DIR/why"
}


# row: the text of the row under the cursor (the one drawn in reverse).
row() {
	tm capture-pane -p -e -t tui 2>/dev/null |
	    grep -E "$T_ESC\\[([0-9]*;)*7[;m]" | head -1 |
	    sed "s/$T_ESC\\[[0-9;]*m//g"
}
T_ESC=$(printf '\033')

# wait_row NAME PATTERN [FROM]: the cursor's row matches PATTERN within
# 10 s (and is no longer the row FROM).
wait_row() {
	i=0
	while [ $i -lt 100 ]; do
		r=$(row)
		if printf '%s\n' "$r" | grep -Eq -- "$2" &&
		    { [ $# -lt 3 ] || [ "$r" != "$3" ]; }; then
			t_ok "$1"
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	{ echo "wanted /$2/ on the cursor's row, got:"; row; echo "screen:";
	  screen; } >"$T_DIR/why"
	t_fail "$1" "$T_DIR/why"
	return 1
}

# wait_list NAME PATTERN [ARGS]: telex list ARGS shows PATTERN within 10 s
# (or, with PATTERN !RE, stops showing RE).
wait_list() {
	name=$1 want=$2
	shift 2
	i=0
	while [ $i -lt 100 ]; do
		"$TELEX" -d "$T_DB" list "$@" >"$T_DIR/listed" 2>&1
		case $want in
		!*) grep -Eq -- "${want#!}" "$T_DIR/listed" || break ;;
		*) grep -Eq -- "$want" "$T_DIR/listed" && break ;;
		esac
		sleep 0.1
		i=$((i + 1))
	done
	if [ $i -lt 100 ]; then
		t_ok "$name"
		return 0
	fi
	{ echo "wanted /$want/ from telex list $*, got:";
	  cat "$T_DIR/listed"; } >"$T_DIR/why"
	t_fail "$name" "$T_DIR/why"
	return 1
}

# wire_feed FILE: "Coast Wire", 120 stories one minute apart ("Coast
# story 0" the oldest), for tests that move through a long list.
wire_feed() {
	"$PYTHON3" - "$1" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">'
            '<channel><title>Coast Wire</title>'
            '<link>https://coast.example/</link>\n')
    for i in range(120):
        f.write('<item><guid>c%d</guid><title>Coast story %d</title>'
                '<pubDate>Mon, 02 Nov 2026 %02d:%02d:00 GMT</pubDate>'
                '<description>Wire copy %d.</description></item>\n'
                % (i, i, i // 60, i % 60, i))
    f.write('</channel></rss>\n')
EOF
}
