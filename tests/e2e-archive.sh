#!/bin/sh
# End-to-end tests of telex archive: pages of items fetched from the
# loopback server, searched and shown offline, asked for again with a
# conditional GET, recleaned, archived by poll for archive-feed feeds,
# and shown with their links.

. "${TELEX_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}/tests/lib.sh"

DATA=$TELEX_SRCDIR/tests/data/archive
ROOT=$T_DIR/root
mkdir -p "$ROOT/archive"
cp "$DATA"/*.html "$ROOT/archive/"
t_server "$ROOT"
sed "s|@BASE@|$T_URL|g" "$DATA/harbour.xml.in" >"$ROOT/harbour.xml"
sed "s|@BASE@|$T_URL|g" "$DATA/quay.xml.in" >"$ROOT/quay.xml"

# The id of the item whose title matches PATTERN.
item_id() {
	"$TELEX" -d "$T_DB" list | awk -F '\t' -v t="$1" '$5 ~ t { print $1 }'
}

tx archive --help
t_match "archive --help explains the command" "$T_OUT" \
    '^usage: telex archive \[-j N\] \[--reclean\] QUERY'
tx archive
t_status "archive without a query is a usage error" 1
t_match "archive without a query says what to give" "$T_ERR" \
    'archive needs a query'

tx add "$T_URL/feed/harbour.xml"
tx poll
t_status "the feed is polled" 0
ferry=$(item_id 'Night ferry')
most=$(item_id 'Понтонный')
hafen=$(item_id 'Hafenmeisterin')
gone=$(item_id 'Lifeboat open day')
t_match "the four items are stored" "$ferry $most $hafen $gone" \
    '^[0-9]+ [0-9]+ [0-9]+ [0-9]+$'

tx list --json "id:$ferry"
t_match "a short feed text is summary only" "$T_OUT" '"summary_only":true'
t_match "an item is not archived before archive" "$T_OUT" '"archived":false'
tx list --json "id:$hafen"
t_match "a long feed text is not summary only" "$T_OUT" \
    '"summary_only":false'
tx show "$ferry"
t_match "show offers to archive a summary" "$T_OUT" \
    "only a summary; telex archive id:$ferry"
tx list breakwater
t_eq "a word of the page only is not found before archive" "$T_OUT" ""
tx list grumble
t_eq "the feed's summary is indexed before archive" \
    "$(printf '%s\n' "$T_OUT" | cut -f1)" "$ferry"

tx archive -j 2 feed:Harbour
t_status "archive with a failed page exits 3" 3
t_eq "archive prints one summary line" "$T_OUT" \
    "archived 4 pages: 3 new, 0 unchanged, 1 failed"
t_match "the failed page is named with its reason" "$T_ERR" \
    "^telex: item $gone \\(http://127\\.0\\.0\\.1:[0-9]+/status/404\\): .*404"
t_match "the failure says what to do" "$T_ERR" \
    "the page is gone; the feed's text is kept"

tx list breakwater
t_eq "search finds a word only on the English page" \
    "$(printf '%s\n' "$T_OUT" | cut -f1)" "$ferry"
tx list затон
t_eq "search finds a word only on the Russian page" \
    "$(printf '%s\n' "$T_OUT" | cut -f1)" "$most"
tx list Ausfertigung
t_eq "search finds a word only on the German page" \
    "$(printf '%s\n' "$T_OUT" | cut -f1)" "$hafen"
tx list grumble
t_eq "the feed's summary is no longer indexed" "$T_OUT" ""
tx list 'Rain'
t_eq "a failed page keeps the feed's text indexed" \
    "$(printf '%s\n' "$T_OUT" | cut -f1)" "$gone"

tx show "$ferry"
t_status "show of an archived item works" 0
t_match "show prints the page's article" "$T_OUT" \
    'breakwater at the northern pier'
t_match "show keeps the meta line" "$T_OUT" \
    "^Harbour Gazette \\| .* \\| $T_URL/feed/archive/harbour-ferry.html\$"
t_no_match "show no longer offers to archive" "$T_OUT" 'only a summary'
t_no_match "show prints the article without the page's comment form" \
    "$T_OUT" 'Leave A Reply|Please enter your'
tx list --json "id:$ferry"
t_match "list --json says archived" "$T_OUT" '"archived":true'

tx archive feed:Harbour
t_eq "archiving again finds the pages unchanged" "$T_OUT" \
    "archived 4 pages: 0 new, 3 unchanged, 1 failed"
n304=$(grep -c 'GET /feed/archive/[a-z-]*\.html HTTP/1\.1	304' "$T_LOG")
t_eq "archiving again asks with a conditional GET (3 answered 304)" \
    "$n304" 3

tx check
t_status "the index is sound after archiving" 0

tx archive --reclean
t_status "reclean works" 0
t_eq "reclean of an unchanged archive changes nothing" "$T_OUT" \
    "recleaned 4 items: 0 changed"
if command -v sqlite3 >/dev/null 2>&1; then
	# The page as it was fetched, changed and stored unpacked (the
	# archive reads plain and packed pages alike).
	sqlite3 "$T_DB" "UPDATE item_pages SET html = replace(CAST(readfile(
	    '$ROOT/archive/harbour-ferry.html') AS TEXT), 'breakwater',
	    'seawall') WHERE item_id = $ferry"
	tx archive --reclean "id:$ferry"
	t_eq "reclean sees a stored page that changed" "$T_OUT" \
	    "recleaned 1 item: 1 changed"
	tx list seawall
	t_eq "search finds the recleaned text" \
	    "$(printf '%s\n' "$T_OUT" | cut -f1)" "$ferry"
	tx list breakwater
	t_eq "search forgets the old text" "$T_OUT" ""
	tx check
	t_status "the index is sound after reclean" 0
else
	t_skip "reclean sees a stored page that changed" "no sqlite3 program"
fi

tx show --links "$hafen"
t_status "show --links works" 0
t_match "show --links prints the text" "$T_OUT" 'Ausfertigung'
t_match "show --links lists the numbered links" "$T_OUT" \
    "^\\[1\\] $T_URL/hafen/saison\$"

# archive-feed: a poll archives the new items of the feed it names, and
# not those of another feed that has a new item too.
printf 'archive-feed "Quay Notes"\n' >"$T_DIR/config"
sed 's|</channel>|<item><title>Tour boats return in spring</title>\
<link>'"$T_URL"'/feed/archive/stadt-hafen.html</link><guid>harbour-4490</guid>\
<pubDate>Fri, 06 Nov 2026 08:00:00 GMT</pubDate></item>\
</channel>|' "$ROOT/harbour.xml" >"$ROOT/harbour.new"
mv "$ROOT/harbour.new" "$ROOT/harbour.xml"
tx add "$T_URL/feed/quay.xml"
tx -c "$T_DIR/config" poll
t_status "poll with archive-feed works" 0
t_match "poll archives the new item of the named feed" "$T_OUT" \
    '^archived 1 page: 1 new, 0 unchanged, 0 failed$'
quai=$(item_id 'passerelle')
tour=$(item_id 'Tour boats')
tx list --json "id:$tour"
t_match "poll archives nothing of other feeds" "$T_OUT" \
    '^\{"id":'"$tour"',.*"archived":false'
tx list --json "id:$quai"
t_match "the named feed's item is archived" "$T_OUT" \
    '^\{"id":'"$quai"',.*"archived":true'
tx show "$quai"
t_match "the auto-archived page is shown" "$T_OUT" 'pétition'
tx -c "$T_DIR/config" poll
t_no_match "a poll with nothing new archives nothing" "$T_OUT" '^archived'
printf 'archive-feed "No Such Feed"\n' >"$T_DIR/config"
tx -c "$T_DIR/config" poll
t_status "an archive-feed naming no feed makes poll exit 3" 3
t_match "the config line is named" "$T_ERR" \
    'config, line 1: archive-feed: no feed "No Such Feed"'

t_done
