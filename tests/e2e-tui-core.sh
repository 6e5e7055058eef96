#!/bin/sh
# The reader and the shell run the same core: R in the reader stores a
# feed with the config's rules and archive-feed exactly as telex poll
# does; a in the reader archives a page on a thread, shows it going and
# then the page; keys answer while a 100,000-item feed is being stored.

. "${TELEX_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}/tests/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	t_skip "reader" "tmux is not installed"
	t_done
fi
. "$TELEX_SRCDIR/tests/tui.sh"
trap 'tm kill-server 2>/dev/null; t_cleanup' EXIT

DATA=$TELEX_SRCDIR/tests/data/archive
ROOT=$T_DIR/root
mkdir -p "$ROOT/archive"
cp "$DATA"/*.html "$ROOT/archive/"
t_server "$ROOT"
sed "s|@BASE@|$T_URL|g" "$DATA/harbour.xml.in" >"$ROOT/harbour.xml"
# The quay's page comes slowly, so that archiving is seen going.
sed -e "s|@BASE@|$T_URL|g" -e "s|/feed/archive/|/slow/archive/|" \
    -e "s|\.html</link>|.html?s=2</link>|" "$DATA/quay.xml.in" >"$ROOT/quay.xml"

CONF=$T_DIR/rules.conf
cat >"$CONF" <<EOF
rule "ferry" +boats star
rule "title:lifeboat" hide
archive-feed 1
EOF

# The archive's state as the shell sees it: what every check compares.
state() {
	for q in "tag:boats" "is:starred" "is:hidden" "is:archived" ""; do
		printf '%s:\n' "${q:-all}"
		"$TELEX" -d "$1" list $q | cut -f1,3,4,5
	done
}

# The same feed, the same config: once with telex poll, once with R.
SHELL_DB=$T_DIR/shell.db
"$TELEX" -d "$SHELL_DB" -c "$CONF" add --no-check "$T_URL/feed/harbour.xml" \
    >/dev/null
"$TELEX" -d "$SHELL_DB" -c "$CONF" poll >/dev/null 2>&1
t_eq "telex poll: the 404 page makes it partial" "$?" 3
state "$SHELL_DB" >"$T_DIR/shell.state"
t_match "telex poll tags by the rule" "$(cat "$T_DIR/shell.state")" \
    "Night ferry"
t_match "telex poll hides by the rule" \
    "$("$TELEX" -d "$SHELL_DB" list is:hidden)" "Lifeboat open day"
t_eq "telex poll archives the feed's pages" \
    "$("$TELEX" -d "$SHELL_DB" list is:archived | wc -l | tr -d ' ')" 3

tx -c "$CONF" add --no-check "$T_URL/feed/harbour.xml"
start 100 30 -c "$CONF"
wait_for "the reader opens on the feed" "Harbour Gazette|127\.0\.0\.1"
keys R
wait_for "R polls and archives through the core" \
    "polled 1 feed: 4 new.*archived 4 pages: 3 new"
state "$T_DB" >"$T_DIR/reader.state"
t_eq "R leaves the archive as telex poll does (tags, stars, hidden, pages)" \
    "$(cat "$T_DIR/reader.state")" "$(cat "$T_DIR/shell.state")"
keys Q
wait_for "Q quits after R" "EXITED 0"

# a: archive a page from the article, on a thread; the page then shows.
tx add --no-check "$T_URL/feed/quay.xml"
tx poll "$T_URL/feed/quay.xml"
tx list -n 1 feed:quay
quay=$(printf '%s\n' "$T_OUT" | cut -f1)
tx show "$quay"
t_no_match "before a, the feed gives only a summary" "$T_OUT" "cyclistes"
start 100 30
wait_for "the reader opens" "Quay Notes"
keys / q u a i Enter Enter
wait_for "the quay's article is open" "passerelle du quai"
wait_for "the article shows the feed's summary" "Réouverture samedi"
keys a
wait_for "a shows the page being archived" \
    "archiving the page of item $quay"
keys j
wait_for "the screen answers keys while the page comes" "telex: Article"
wait_for "a says the page is kept" "page archived: item $quay"
wait_for "the article now shows the whole page, same screen" \
    "cyclistes"
wait_for "still on the article" "telex: Article"
tx list is:archived feed:quay
t_match "the page is in the archive" "$T_OUT" "passerelle"
keys a
wait_for "a again: unchanged" "archived already and unchanged|page archived"
keys Q
wait_for "Q quits after a" "EXITED 0"

# Keys answer while a feed of 100,000 items is parsed, cleaned and stored.
"$PYTHON3" - "$T_DIR/wire.xml" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">'
            '<channel><title>Wire Archive</title>'
            '<link>http://127.0.0.1/</link>\n')
    for i in range(100000):
        f.write('<item><guid>w%d</guid><title>Wire story %d</title>'
                '<pubDate>Mon, 02 Nov 2026 10:%02d:00 GMT</pubDate>'
                '<description>Short wire item number %d.</description>'
                '</item>\n' % (i, i, i % 60, i))
    f.write('</channel></rss>\n')
EOF
tx add --no-check "file://$T_DIR/wire.xml"
start 100 30
wait_for "the reader opens beside the wire" "Wire|wire\.xml"
keys R
wait_for "the big poll runs" "polling [0-9]+/[0-9]+"
keys Enter
wait_for "Enter answers during the big poll" "telex: All items"
t_match "...while the poll still runs" "$(screen)" "polling [0-9]+/[0-9]+"
keys q
wait_for "q answers during the big poll" "telex: Feeds"
wait_for "the big poll ends with every item" "polled [0-9]+ feeds?: 100000 new" 300
tx list -n 1 "Wire story 99999"
t_match "the last wire item is stored" "$T_OUT" "Wire story 99999"
keys Q
wait_for "Q quits after the big poll" "EXITED 0"

tm kill-server 2>/dev/null
t_done
