#!/bin/sh
# The reader, driven in a private tmux server: every screen and its keys
# at 80x24 and 120x40, resize, a hostile feed, live search, tagging,
# polling from the interface against the loopback test server.

. "${TELEX_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}/tests/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	t_skip "reader" "tmux is not installed"
	t_done
fi

. "$TELEX_SRCDIR/tests/tui.sh"

trap 'tm kill-server 2>/dev/null; t_cleanup' EXIT

# An empty archive says how to add a feed.
tx stats
start 80 24
wait_for "empty archive: how to add a feed" "telex add https://"
wait_for "empty archive: title bar" "telex: Feeds"
keys Q
wait_for "Q quits with status 0" "EXITED 0"

t_server "$TELEX_SRCDIR/tests/data"
for f in port-news.xml hostile.xml vestnik-1251.xml; do
	tx add --no-check "$T_URL/$f"
done
tx poll
t_status "the test feeds are polled" 0

start 80 24
wait_for "feeds screen lists the feeds" "Port Ellery Evening Post"
wait_for "feeds screen shows unread/total" "^ +3/3 +Port Ellery"
wait_for "hostile feed name shown as plain text" "Hostile \]0;pwned ?Gazette"
screen >"$T_DIR/s"
t_no_match "no escape byte reaches the screen" "$(cat -v "$T_DIR/s")" '\^\['
keys Enter
wait_for "Enter opens every item" "telex: All items"
wait_for "hostile title shown as plain text" "Clear screen \[2J now"
wait_for "unread items are flagged N" " N +Night ferry| N +Lifeboat"
# The cursor's moves, newest item first, oldest last (telex list's order).
wait_row "the cursor starts on the newest item" "Broken & unknown"
keys G
wait_row "G puts the cursor on the oldest item" "Переговоры"
keys g
wait_row "g puts it back on the newest" "Broken & unknown"
keys j
wait_row "j moves it down one item" "Fish market"
keys k
wait_row "k moves it up one item" "Broken & unknown"
keys Enter
wait_for "Enter opens the article" "telex: Article"
wait_for "article has the meta line" "Hostile"
wait_for "...of the item under the cursor" "Broken & unknown"
keys q
wait_for "q goes back to the items" "telex: All items"

# Read and star: the archive changes, and so does the row.
wait_list "opening the article marked it read" "Broken & unknown" is:read
wait_for "...and its row lost its N" "   Broken & unknown"
keys N
wait_list "N marks the item unread in the archive" "Broken & unknown" is:unread
wait_for "...and the row gets its N back" " N  Broken & unknown"
wait_row "N leaves the cursor on the item" "Broken & unknown"
keys N
wait_list "N again marks it read" "Broken & unknown" is:read
wait_for "...and clears the row's N" "   Broken & unknown"
keys s
wait_list "s stars the item in the archive" "Broken & unknown" is:starred
wait_for "s flags the row with a star" "^.{12,40}[N ]\\* +Broken & unknown"
keys '?'
wait_for "? lists the keys of the screen" "Keys of the items screen"
keys G
wait_for "help lists toggle-read" " N +toggle-read"
wait_for "help shows the star key" " s +star"
keys q
wait_for "q leaves help" "telex: All items"

# Live search: results before Enter.
keys / f e r r y
wait_for "search prompt is live" "search: ferry"
wait_for "live results as you type" "Night ferry returns"
wait_gone "live results leave out what does not match" "Lifeboat crew"
keys Enter
wait_for "Enter keeps the results" "telex: search: ferry"

# Tag, then find by tag.
keys t
wait_for "t asks for tags" "tags \(\+add"
keys + h a r b o u r Enter
wait_for "tags are changed" "tags changed"
tx list tag:harbour
t_match "the tag is in the archive" "$T_OUT" "Night ferry"
t_no_match "...on that item alone" "$T_OUT" "Fish market|Lifeboat"
keys A
wait_list "A marks the list read in the archive" "Night ferry" is:read
tx list is:read
t_no_match "...and nothing outside the list" "$T_OUT" "Fish market|Lifeboat"
keys q
wait_for "q goes back to the feeds" "telex: Feeds"
keys / t a g : h a r b
keys o u r Enter
wait_for "search by the new tag finds the item" "Night ferry returns"
keys q T
wait_for "T shows the tags view" "harbour"
keys q

# Article: browser, pipe, find.
keys g Enter
wait_for "back on the items" "telex: All items"
keys / f e r r y Enter Enter
wait_for "article opened from search" "telex: Article"
keys o
i=0; while [ ! -s "$T_DIR/opened" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
t_match "o gives \$BROWSER the URL as one argument" \
    "$(cat "$T_DIR/opened" 2>/dev/null)" "^https?://[^ ]+$"
keys '|'
wait_for "| asks for a command" "pipe to:"
keys "cat > $T_DIR/piped" Enter
wait_for "the command runs, then waits for Enter" "Press Enter"
keys Enter
wait_for "back in the article after the pipe" "telex: Article"
t_match "| pipes the text" "$(cat "$T_DIR/piped" 2>/dev/null)" "ferry"
keys / w i n t e r Enter
wait_for "/ finds text in the article" "found on line"

# Resize redraws at once.
tm resize-window -t tui -x 120 -y 40
wait_for "resize redraws the article" "telex: Article"
keys q
wait_for "wide list shows the year" "^2026-11-[0-9]+ "
keys Q
wait_for "Q quits from any screen" "EXITED 0"

# 120x40 from the start: polling from the interface.
cp "$TELEX_SRCDIR/tests/data/port-news.xml" "$T_DIR/late.xml"
mkdir -p "$T_DIR/www"
cp "$TELEX_SRCDIR/tests/data/port-news.xml" "$T_DIR/www/late.xml"
tx add --no-check "$T_URL/bergblick.xml"
start 120 40
wait_for "120x40 shows the feeds" "Port Ellery Evening Post"
keys R
wait_for "R polls from the interface" "polled [0-9]+ feeds"
keys j
wait_row "the interface stays usable: j moves the cursor" "Starred"
keys g
wait_row "g puts the cursor on the first line" "All items"
from=$(row)
keys n
wait_row "n moves the cursor to a feed with unread items" \
    "^ +[1-9][0-9]*/[0-9]+ " "$from"
keys Q
wait_for "Q quits at 120x40" "EXITED 0"

# The reader and a poll from cron or a shell, side by side: one poll at
# a time, whoever starts second is told; reading goes on meanwhile.  A
# feed that sends a byte a second keeps a poll busy for 3 s.
mkdir -p "$XDG_CONFIG_HOME/telex"
printf 'set poll-low-speed-time 3\n' >"$XDG_CONFIG_HOME/telex/config"
tx add --no-check "$T_URL/drip?n=30"
start 120 40
wait_for "reader open beside a shell poll" "telex: Feeds"
tx poll "$T_URL/port-news.xml"
t_status "a shell poll runs while the reader is open" 0
keys R
wait_for "the reader's poll is running" "polling [0-9]+/[0-9]+"
tx poll
t_status "a shell poll while the reader polls is refused" 2
t_match "...saying another telex is polling" "$T_ERR" \
    "another telex \(process [0-9]+\) is polling this archive"
tx poll --wait "$T_URL/port-news.xml"
t_status "poll --wait waits for the reader's poll" 0
wait_for "the reader's poll ends" "polled [0-9]+ feeds"
tx poll >/dev/null 2>&1 &
shell_poll=$!
# R only once the shell's poll (telex under tx's subshell) holds the
# lock: its lock file is open.
i=0
while [ $i -lt 300 ]; do
	for p in $shell_poll $(grep -l "^[0-9]* ([^)]*) . $shell_poll " \
	    /proc/[0-9]*/stat 2>/dev/null | cut -d/ -f3); do
		ls -l /proc/$p/fd 2>/dev/null | grep -q 'archive\.db\.lock' &&
		    break 2
	done
	sleep 0.1
	i=$((i + 1))
done
sleep 0.2
keys R
wait_for "the reader says another poll is running" \
    "cannot poll: another telex"
wait "$shell_poll"
keys j
wait_row "the reader stays usable: j moves the cursor" "Starred"
keys Q
wait_for "Q quits after the polls" "EXITED 0"
rm -f "$XDG_CONFIG_HOME/telex/config"
tx rm "$T_URL/drip?n=30" >/dev/null

# Config: bind and color lines.
mkdir -p "$XDG_CONFIG_HOME/telex"
printf 'bind x toggle-read\ncolor unread yellow default bold\n' \
    >"$XDG_CONFIG_HOME/telex/config"
start 80 24
wait_for "config starts" "telex: Feeds"
i=0
while [ $i -lt 100 ] && ! tm capture-pane -p -e -t tui |
    grep -Eq "$T_ESC\\[33m +[0-9]+/[0-9]+ +Port Ellery"; do
	sleep 0.1
	i=$((i + 1))
done
[ $i -lt 100 ] && t_ok "color draws unread feeds yellow" ||
    t_fail "color draws unread feeds yellow"
keys Enter '?' G
wait_for "bind shows in help" " x +toggle-read"
keys q Q
printf 'bind x no-such-action\n' >"$XDG_CONFIG_HOME/telex/config"
start 80 24
wait_for "a bad bind says what to do" "not an action"
keys Q
rm -f "$XDG_CONFIG_HOME/telex/config"

# Not a terminal: the newest items as a list.
"$TELEX" -d "$T_DB" </dev/null >"$T_DIR/plain" 2>&1
t_match "without a terminal, a list" "$(cat "$T_DIR/plain")" "Night ferry"

tm kill-server 2>/dev/null
t_done
