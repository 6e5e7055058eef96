#!/bin/sh
# End-to-end tests of telex poll against the loopback test server: a
# good feed, gzip, redirects, conditional GET, failures that must fail
# alone with a clear reason, back-off, and feeds stored as they finish.
. "$(dirname "$0")/lib.sh"

DATA=$TELEX_SRCDIR/tests/data
ROOT=$T_DIR/www
mkdir -p "$ROOT"
cp "$DATA/port-news.xml" "$ROOT/a.xml"
cp "$DATA/bergblick.xml" "$ROOT/b.xml"
cp "$DATA/vestnik-1251.xml" "$ROOT/c.xml"
cp "$DATA/port-news.xml" "$ROOT/slow.xml"
sed 's/epost-/slow-/; s/Port Ellery Evening Post/Slow Harbour Post/' \
    "$DATA/port-news.xml" >"$ROOT/slow.xml"
# A feed of twelve items cut off in the middle of the eighth.
"$PYTHON3" - "$ROOT/cut.xml" <<'PY'
import sys
items = "".join(
    "<item><title>Tide table %d</title><guid>tide-%d</guid>"
    "<link>https://tides.example/%d</link>"
    "<description>High water at %d:15.</description></item>\n" % (i, i, i, i)
    for i in range(1, 13))
doc = ('<?xml version="1.0"?>\n<rss version="2.0"><channel>'
       "<title>Tide Tables</title><link>https://tides.example/</link>\n"
       + items + "</channel></rss>\n")
cut = doc.index("<item><title>Tide table 8<") + 30
open(sys.argv[1], "w").write(doc[:cut])
PY
cat >"$ROOT/page.html" <<'HTML'
<!DOCTYPE html>
<html><head><title>Port Ellery Evening Post</title>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="News" href="/feed/a.xml">
</head><body><h1>Evening Post</h1><p>Welcome.</p></body></html>
HTML

t_server "$ROOT"

tx add "$T_URL/feed/page.html"
t_status "add discovers the feed of a web page" 0
t_match "add subscribes to the announced feed" "$T_OUT" \
    "^added feed 1: Port Ellery Evening Post \\($T_URL/feed/a.xml\\)"
for path in gzip/b.xml redirect301/c.xml status/404 status/500 html \
    feed/cut.xml "big?mb=40"; do
	tx add --no-check "$T_URL/$path"
done
t_eq "eight feeds subscribed" "$(tx feeds; printf "%s\n" "$T_OUT" | wc -l)" 8

tx poll
t_status "a poll with failures exits 3" 3
t_match "the summary counts new items and failures" "$T_OUT" \
    '^polled 8 feeds: 14 new, 0 unchanged, 5 failed$'
t_match "404 fails with its reason and what to do" "$T_ERR" \
    "^telex: feed 4 \\($T_URL/status/404\\): 404 Not Found — check the URL or remove it with telex rm 4$"
t_match "500 fails with its reason" "$T_ERR" \
    "^telex: feed 5 \\(.*\\): 500 Internal Server Error"
t_match "an HTML page is not a feed" "$T_ERR" \
    "^telex: feed 6 \\(.*/html\\): .*HTML"
t_match "a truncated feed is damaged" "$T_ERR" \
    "^telex: feed 7 \\(.*cut.xml\\): the feed is damaged: .*kept the 7 items"
t_match "an oversized body fails" "$T_ERR" \
    "^telex: feed 8 \\(.*big.*\\): .*32 MiB"
tx list feed:tide
t_eq "a damaged feed keeps the items before the damage" \
    "$(printf '%s\n' "$T_OUT" | wc -l)" 7
tx list feed:bergblick
t_eq "a gzip feed is stored" "$(printf '%s\n' "$T_OUT" | wc -l)" 2
tx list мосте
t_match "a redirected windows-1251 feed is stored" "$T_OUT" 'Переговоры'
tx feeds --json
t_match "a 301 updates the stored URL" "$T_OUT" \
    "\"id\":3,\"url\":\"$T_URL/feed/c.xml\""
t_match "a failing feed shows its error" "$T_OUT" \
    '"id":4,.*"status":404,"error":"404 Not Found"'

: >"$T_LOG"
tx poll
t_match "the second poll finds nothing new" "$T_OUT" \
    '^polled 8 feeds: 0 new, 3 unchanged, 5 failed$'
# The log: request line, status, If-None-Match, If-Modified-Since.
t_match "the second poll sends both validators and is answered 304" \
    "$(grep '^GET /feed/a\.xml ' "$T_LOG")" \
    '^GET /feed/a\.xml HTTP/1\.1	304	"[^"	]+"	[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9:]{8} GMT	'
tx feeds --json
t_match "two failures in a row set a back-off" "$T_OUT" \
    '"id":4,.*"backoff_until":"[0-9T:-]+Z"'
# The paths the server was asked for, in order of name, once the log
# has at least $1 lines (the server writes a line after its answer).
requested() {
	i=0
	while [ "$(wc -l <"$T_LOG")" -lt "$1" ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	cut -f1 "$T_LOG" | cut -d' ' -f2 | sort | tr '\n' ' '
}
: >"$T_LOG"
tx poll
t_match "feeds in back-off are skipped" "$T_OUT" \
    '^polled 4 feeds: 0 new, 3 unchanged, 1 failed \(4 in back-off skipped'
t_eq "...and not asked for" "$(requested 4)" \
    "/feed/a.xml /feed/c.xml /feed/cut.xml /gzip/b.xml "
: >"$T_LOG"
tx poll 4
t_match "naming a feed polls it despite its back-off" "$T_OUT" \
    '^polled 1 feed: 0 new, 0 unchanged, 1 failed$'
t_eq "...and asks for it alone" "$(requested 1)" "/status/404 "

# A slow feed must not hold back the others: they are stored while it is
# still downloading.  The server holds the slow feed until the file
# "release" exists, so a slow machine gets all the time it needs.
"$TELEX" -d "$T_DIR/slow.db" add --no-check \
    "$T_URL/slow/slow.xml?until=release" >/dev/null
"$TELEX" -d "$T_DIR/slow.db" add --no-check "$T_URL/feed/b.xml" >/dev/null
"$TELEX" -d "$T_DIR/slow.db" poll >"$T_DIR/slow.out" 2>&1 &
poller=$!
i=0
while [ $i -lt 400 ] && kill -0 $poller 2>/dev/null; do
	"$TELEX" -d "$T_DIR/slow.db" list >"$T_DIR/during" 2>/dev/null
	[ "$(grep -c Bergblick "$T_DIR/during")" -eq 2 ] && break
	sleep 0.1
	i=$((i + 1))
done
t_eq "a fast feed is stored while a slow one downloads" \
    "$(grep -c Bergblick "$T_DIR/during"):$(wc -l <"$T_DIR/during" | tr -d ' ')" 2:2
: >"$ROOT/release"
wait $poller
t_match "the slow feed arrives too" "$(cat "$T_DIR/slow.out")" \
    '^polled 2 feeds: 5 new, 0 unchanged, 0 failed$'

# Without the HTML library nothing can be cleaned: the poll says what to
# install and stores nothing half-done; a later poll with it stores all.
NOXML=$T_DIR/noxml.db
"$TELEX" -d "$NOXML" add --no-check "$T_URL/feed/b.xml" >/dev/null
TELEX_TEST_XML_LIBRARY=libtelex-none.so.0 "$TELEX" -d "$NOXML" poll \
    >"$T_DIR/noxml.out" 2>"$T_DIR/noxml.err"
t_eq "a poll without the HTML library fails" "$?" 2
t_match "...saying what to install" "$(cat "$T_DIR/noxml.err")" \
    '^telex: cannot clean HTML: .*install libxml2$'
t_eq "...and stores no item" "$("$TELEX" -d "$NOXML" list | wc -l | tr -d ' ')" 0
"$TELEX" -d "$NOXML" poll >/dev/null 2>&1
t_eq "with the library the next poll stores the feed" \
    "$("$TELEX" -d "$NOXML" list | wc -l | tr -d ' ')" 2
TELEX_TEST_XML_LIBRARY=libtelex-none.so.0 "$TELEX" clean --fragment - \
    </dev/null >/dev/null 2>"$T_DIR/noxml.err"
t_eq "clean without the HTML library fails" "$?" 2
t_match "...saying what to install" "$(cat "$T_DIR/noxml.err")" \
    'install libxml2'

t_done
