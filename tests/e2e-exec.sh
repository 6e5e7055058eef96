#!/bin/sh
# Commands on items and after polls: list --exec, the notify command
# after a poll from the shell and from the reader, and keys bound to
# exec and exec& in the reader, each with the item in TELEX_* variables.

. "${TELEX_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}/tests/lib.sh"

ROOT=$T_DIR/root
mkdir -p "$ROOT"
cat >"$ROOT/tideway.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Tideway Notes</title>
<link>https://tideway.example/</link>
<item><guid>t-1</guid><title>Pier lights to be replaced</title>
<link>https://tideway.example/pier-lights</link>
<pubDate>Tue, 03 Nov 2026 08:00:00 GMT</pubDate>
<enclosure url="https://tideway.example/pier.mp3" type="audio/mpeg" length="1000"/>
<description>&lt;p&gt;See &lt;a href="https://tideway.example/plan"&gt;the plan&lt;/a&gt; and &lt;a href="https://tideway.example/map"&gt;the map&lt;/a&gt; before the works begin on Monday.&lt;/p&gt;</description></item>
<item><guid>t-2</guid><title>Ferry "Kestrel" back in service</title>
<link>https://tideway.example/kestrel</link>
<pubDate>Wed, 04 Nov 2026 08:00:00 GMT</pubDate>
<description>The ferry returns after repairs.</description></item>
</channel></rss>
EOF
t_server "$ROOT"
CONF=$T_DIR/config
printf 'set notify-command "env | grep ^TELEX_ | sort > %s/notify.env; cat > %s/notify.in"\n' \
    "$T_DIR" "$T_DIR" >"$CONF"

# notify-command after a poll from the shell.
tx -c "$CONF" add --no-check "$T_URL/feed/tideway.xml"
tx -c "$CONF" poll
t_status "the poll with a notify command works" 0
t_match "notify: TELEX_NEW counts the new items" \
    "$(cat "$T_DIR/notify.env" 2>/dev/null)" '^TELEX_NEW=2$'
t_match "notify: TELEX_FEEDS_FAILED is set" \
    "$(cat "$T_DIR/notify.env" 2>/dev/null)" '^TELEX_FEEDS_FAILED=0$'
t_eq "notify: the new items come on standard input as list lines" \
    "$(cut -f5 "$T_DIR/notify.in" 2>/dev/null)" \
    "$(printf 'Ferry "Kestrel" back in service\nPier lights to be replaced')"
rm -f "$T_DIR/notify.env"
tx -c "$CONF" poll
t_eq "notify: nothing new, no command" "$(ls "$T_DIR/notify.env" 2>&1 |
    grep -c 'No such')" 1

# A failing or hanging notify command never fails or blocks the poll.
printf 'set notify-command "exit 7"\n' >"$T_DIR/fail.conf"
printf 'set notify-command "sleep 60"\n' >"$T_DIR/hang.conf"
"$TELEX" -d "$T_DIR/f.db" add --no-check "$T_URL/feed/tideway.xml" >/dev/null
"$TELEX" -d "$T_DIR/f.db" -c "$T_DIR/fail.conf" poll >/dev/null \
    2>"$T_DIR/fail.err"
t_eq "a failing notify command leaves the poll's status alone" "$?" 0
t_match "...and is said" "$(cat "$T_DIR/fail.err")" \
    '^telex: notify-command: "exit 7" ended with status 7$'
"$TELEX" -d "$T_DIR/h.db" add --no-check "$T_URL/feed/tideway.xml" >/dev/null
"$TELEX" -d "$T_DIR/h.db" -c "$T_DIR/hang.conf" poll >/dev/null \
    2>"$T_DIR/hang.err"
t_eq "a hanging notify command is stopped; the poll succeeds" "$?" 0
t_match "...saying it was stopped after 10 s" "$(cat "$T_DIR/hang.err")" \
    'took longer than 10 s and was stopped'
t_eq "...and every item is stored" \
    "$("$TELEX" -d "$T_DIR/h.db" list | wc -l | tr -d ' ')" 2

# list --exec: once per item, newest first, the item in the environment.
tx list --exec 'printf "%s|%s|%s|%s|%s|%s\n" "$TELEX_ID" "$TELEX_TITLE" "$TELEX_FEED" "$TELEX_DATE" "$TELEX_URL" "$TELEX_ENCLOSURE"' feed:tideway
t_status "list --exec runs the command" 0
t_eq "list --exec gives each item's fields, newest first" "$T_OUT" \
    "$(printf '2|Ferry "Kestrel" back in service|Tideway Notes|2026-11-04T08:00:00Z|https://tideway.example/kestrel|\n1|Pier lights to be replaced|Tideway Notes|2026-11-03T08:00:00Z|https://tideway.example/pier-lights|https://tideway.example/pier.mp3')"
tx tag +harbour +lights -- id:1
tx list --exec 'echo "$TELEX_TAGS"' id:1
t_eq "TELEX_TAGS lists the tags, space separated" "$T_OUT" "harbour lights"
tx list --exec 'echo "$TELEX_ID"; test "$TELEX_ID" != 2' feed:tideway
t_status "a failing command stops list --exec" 2
t_eq "...before the next item" "$T_OUT" "2"
t_match "...saying which item and how" "$T_ERR" \
    '^telex: item 2: .* ended with status 1; --keep-going'
tx list --keep-going --exec 'echo "$TELEX_ID"; test "$TELEX_ID" != 2' \
    feed:tideway
t_status "--keep-going runs on and exits 3" 3
t_eq "...for every item" "$T_OUT" "$(printf '2\n1')"
# An item whose title is shell code: the command gets it as text, in the
# folder where the test runs it, and nothing in the title is run.
cat >"$T_DIR/shell.xml" <<'EOF'
<rss version="2.0"><channel><title>Shell Words</title>
<item><guid>s-1</guid><title>$(touch pwned1) `touch pwned2`; touch pwned3</title></item>
</channel></rss>
EOF
mkdir "$T_DIR/run"
: >"$T_DIR/none.conf"
shx() { "$TELEX" -d "$T_DIR/s.db" -c "$T_DIR/none.conf" "$@"; }
shx add --no-check "file://$T_DIR/shell.xml" >/dev/null
shx poll >/dev/null
(cd "$T_DIR/run" && shx list \
    --exec 'printf "%s\n" "$TELEX_TITLE"; touch ran' feed:shell) \
    >"$T_DIR/out" 2>&1
t_eq "a shell title reaches the command as text" "$(cat "$T_DIR/out")" \
    '$(touch pwned1) `touch pwned2`; touch pwned3'
t_eq "...and is never run as shell words" "$(ls "$T_DIR/run")" ran

if ! command -v tmux >/dev/null 2>&1; then
	t_skip "keys bound to commands" "tmux is not installed"
	t_done
fi
. "$TELEX_SRCDIR/tests/tui.sh"
trap 'tm kill-server 2>/dev/null; t_cleanup' EXIT

# Keys bound to exec (foreground) and exec& then toggle-read.
cat >"$CONF" <<EOF
bind X exec 'env | grep ^TELEX_ | sort > $T_DIR/key.env'
bind Y exec& 'printf "%s" "\$TELEX_TITLE" > $T_DIR/detached' ; toggle-read
bind Z exec 'exit 4'
set notify-command "cat > $T_DIR/reader-notify.in"
set browser "$T_DIR/browser --tab %u"
EOF
tx mark unread feed:tideway
start 100 30 -c "$CONF"
wait_for "the reader opens" "Tideway Notes"
keys Enter
wait_for "the items of every feed" "telex: All items"
keys g X
wait_for "exec says it is done" "done: env"
t_match "exec: the selected item's id" "$(cat "$T_DIR/key.env")" \
    '^TELEX_ID=2$'
t_match "exec: its title" "$(cat "$T_DIR/key.env")" \
    '^TELEX_TITLE=Ferry "Kestrel" back in service$'
keys Y
wait_for "exec& says it started" "started: printf"
i=0; while [ ! -s "$T_DIR/detached" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
t_eq "exec&: the command ran with the item" "$(cat "$T_DIR/detached")" \
    'Ferry "Kestrel" back in service'
tx list is:read feed:tideway
t_eq "...and toggle-read after it on the same key" \
    "$(printf '%s\n' "$T_OUT" | cut -f1)" 2
keys Z
wait_for "a failing command's status shows" "exit 4 ended with status 4"
keys j Enter
wait_for "the article of the first item" "Pier lights to be replaced"
keys 2 X
wait_for "exec from the article" "done: env"
t_match "a number first gives TELEX_LINK" "$(cat "$T_DIR/key.env")" \
    '^TELEX_LINK=https://tideway.example/map$'
t_match "...and TELEX_ENCLOSURE the enclosure" "$(cat "$T_DIR/key.env")" \
    '^TELEX_ENCLOSURE=https://tideway.example/pier.mp3$'
rm -f "$T_DIR/opened"
keys '#'
wait_for "# asks for a link's number" "open link:"
keys 2 Enter
i=0; while [ ! -s "$T_DIR/opened" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
t_eq "# 2 opens link 2 with set browser, %u as one argument" \
    "$(cat "$T_DIR/opened" 2>/dev/null)" "$(printf -- '--tab\nhttps://tideway.example/map')"
keys '|'
wait_for "| asks for a command" "pipe to:"
keys "cat > $T_DIR/piped" Enter
wait_for "the command ran" "Press Enter"
keys Enter
t_eq "| pipes the article as shown: title, meta, address, text, links" \
    "$(sed -n '1p;4p;6p' "$T_DIR/piped")" \
    "$(printf 'Pier lights to be replaced\nhttps://tideway.example/pier-lights\nSee the plan[1] and the map[2] before the works begin on Monday.')"
t_match "...with the meta line" "$(sed -n 2p "$T_DIR/piped")" \
    '^Tideway Notes \| 2026-11-03'
t_match "...and the links" "$(cat "$T_DIR/piped")" \
    '\[2\] https://tideway.example/map'
keys '?' G
wait_for "help shows what the key runs" "Y +exec& printf"
keys q Q
wait_for "Q quits" "EXITED 0"

# The reader's R runs the notify command too, through the same core.
cp "$ROOT/tideway.xml" "$ROOT/tideway2.xml"
sed -i 's/t-1/t-3/; s/Pier lights to be replaced/Harbour wall repaired/' \
    "$ROOT/tideway2.xml"
tx add --no-check "$T_URL/feed/tideway2.xml"
start 100 30 -c "$CONF"
wait_for "the reader opens again" "Tideway Notes"
keys R
wait_for "R polls" "polled [0-9]+ feeds"
i=0; while [ ! -s "$T_DIR/reader-notify.in" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
t_match "R runs the notify command with the new item" \
    "$(cat "$T_DIR/reader-notify.in" 2>/dev/null)" "Harbour wall repaired"
keys Q
wait_for "Q quits after R" "EXITED 0"

# Polling on its own: poll-on-start at once, then every poll-interval,
# through the same core as R; the status line says when.
cp "$ROOT/tideway.xml" "$ROOT/auto.xml"
"$TELEX" -d "$T_DIR/auto.db" add --no-check "$T_URL/feed/auto.xml" >/dev/null
printf 'set poll-on-start yes\nset poll-interval 5s\nrule "kestrel" +boats\n' \
    >"$T_DIR/auto.conf"
T_DB=$T_DIR/auto.db
start 100 30 -c "$T_DIR/auto.conf"
wait_for "poll-on-start polls at once" "polled 1 feed: 2 new"
t_eq "...with the rules, as R does" \
    "$("$TELEX" -d "$T_DB" list tag:boats | cut -f5)" 'Ferry "Kestrel" back in service'
keys j
wait_for "the status line says when the next poll runs" \
    "next poll at [0-9:]+ \\(every 5 s\\)"
sed -i 's/t-2/t-9/; s/Ferry "Kestrel" back in service/Kestrel sails again/' \
    "$ROOT/auto.xml"
wait_for "the next poll comes by itself" "polled 1 feed: 1 new" 30
t_match "...and stores the new item" "$("$TELEX" -d "$T_DB" list)" \
    "Kestrel sails again"
keys Q
wait_for "Q quits while polling on its own" "EXITED 0"
printf 'set poll-interval 2\n' >"$T_DIR/bad.conf"
start 100 30 -c "$T_DIR/bad.conf"
wait_for "a bad poll-interval is said" "set poll-interval wants a time"
keys Q
printf 'frobnicate\nbind x toggle-read\n' >"$T_DIR/bad.conf"
start 100 30 -c "$T_DIR/bad.conf"
wait_for "the reader names a config line it skipped" \
    'line 1: unknown command "frobnicate"; the line is skipped'
keys Enter '?' G
wait_for "...and the other lines still count" " x +toggle-read"
keys q Q

tm kill-server 2>/dev/null
t_done
