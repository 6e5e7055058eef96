#!/bin/sh
# End-to-end tests of the telex command line on a real archive in a temp
# dir, with feeds read from file:// URLs.
. "$(dirname "$0")/lib.sh"

DATA=$TELEX_SRCDIR/tests/data
DEMO=$TELEX_SRCDIR/feeds/demo

# One field of every line of the last output.
field() {
	printf '%s\n' "$T_OUT" | cut -f"$1"
}

tx --version
t_match "--version prints the version" "$T_OUT" '^telex [0-9]+\.[0-9]+'
tx --help
t_match "--help lists the commands" "$T_OUT" 'telex poll \[--wait\] \[-j N\]'
for c in add rm feeds import export poll list show stats; do
	tx "$c" --help
	t_match "$c --help explains $c" "$T_OUT" "^usage: telex $c"
done
tx frobnicate
t_status "an unknown command is a usage error" 1
t_match "an unknown command is named" "$T_ERR" 'unknown command "frobnicate"'

tx feeds
t_status "feeds on a new archive works" 0
t_eq "a new archive has no feeds" "$T_OUT" ""

tx add "file://$DATA/port-news.xml"
t_status "add a file:// feed" 0
t_match "add names the feed" "$T_OUT" '^added feed 1: Port Ellery Evening Post'
tx add "file://$DATA/port-news.xml"
t_match "adding twice says so" "$T_OUT" '^already subscribed: feed 1'
tx add -t Alps -t german "$DATA/bergblick.xml"
t_status "add a plain path with tags" 0
tx add "file://$DATA/vestnik-1251.xml"
t_status "add a windows-1251 feed" 0
tx add "file://$DATA/hostile.xml"
t_status "add a hostile feed" 0
tx add "file://$DATA/no-such-feed.xml"
t_status "adding a missing file fails" 2
t_match "the failure says why" "$T_ERR" 'cannot fetch .*no-such-feed'
tx add "file://$DATA/newsboat-urls"
t_status "adding a file that is not a feed fails" 2

tx poll
t_status "poll all feeds" 0
t_match "poll prints one summary line" "$T_OUT" \
    '^polled 4 feeds: 9 new, 0 unchanged, 0 failed$'
tx poll
t_match "a second poll finds nothing new" "$T_OUT" \
    '^polled 4 feeds: 0 new, 4 unchanged, 0 failed$'

tx list
t_eq "list shows every item" "$(printf '%s\n' "$T_OUT" | wc -l)" 9
t_eq "list is newest first" "$(field 5 | head -1)" \
    'Winterfahrplan der Seilbahn'
t_eq "every line is newer than the next" "$(field 2)" "$(field 2 | sort -r)"
t_match "list lines have five tab-separated fields" "$T_OUT" \
    '^[0-9]+	2026-11-2[0-9] [0-9:]+	Port Ellery Evening Post	N	Night ferry'
tx list -n 2
t_eq "list -n limits" "$(printf '%s\n' "$T_OUT" | wc -l)" 2
BERG='Winterfahrplan der Seilbahn
Erster Schnee auf der Hütte'
tx list feed:bergblick
t_eq "feed: filters by feed" "$(field 5)" "$BERG"
tx list tag:alps
t_eq "tag: finds items of a tagged feed" "$(field 5)" "$BERG"
tx list propeller
t_eq "words search the text" "$(field 5)" \
    'Night ferry returns after a winter of repairs'
tx list kayak*
t_eq "prefix* searches" "$(field 5)" \
    'Lifeboat crew rescues two kayakers off Gull Point'
tx list Zentimeter
t_eq "search finds German text" "$(field 5)" 'Erster Schnee auf der Hütte'
tx list мосте
t_eq "windows-1251 feed is decoded" "$(field 5)" \
    'Переговоры о новом мосте продолжаются'
tx list is:bogus
t_status "a bad state is a usage error" 1
t_match "a bad state names the word and column" "$T_ERR" \
    'unknown state "is:bogus" at column 1'

tx list feed:hostile
t_no_match "no escape reaches list output" "$T_OUT" "$(printf '\033')"
t_match "hostile titles are kept as text" "$T_OUT" 'Clear screen \[2J now'
t_match "unknown entities do not break a feed" "$T_OUT" \
    'Broken & unknown'

tx list --json feed:port
t_match "--json prints one object per line" "$(printf '%s\n' "$T_OUT" | head -1)" \
    '^\{"id":[0-9]+,"feed_id":1,"feed":"Port Ellery Evening Post",'
echo "$T_OUT" | "$PYTHON3" -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
ferry = [r for r in rows if r["guid"] == "epost-1841"][0]
assert ferry["author"] == "Moira Lennox", ferry
assert ferry["published"] == "2026-11-26T18:30:00Z", ferry
assert ferry["categories"] == ["Transport", "Harbour"], ferry
assert ferry["read"] is False and ferry["starred"] is False
assert ferry["url"] == "https://evening-post.example/2026/11/night-ferry"
' >"$T_DIR/why" 2>&1 && t_ok "--json fields are right" || \
    t_fail "--json fields are right" "$T_DIR/why"

id=$(printf '%s\n' "$T_OUT" | grep epost-1841 | sed 's/^{"id":\([0-9]*\).*/\1/')
tx show "$id"
t_match "show prints the title first" "$(printf '%s\n' "$T_OUT" | head -1)" \
    '^Night ferry returns after a winter of repairs$'
t_match "show prints a meta line" "$T_OUT" \
    'Port Ellery Evening Post \| Moira Lennox \| 2026-11-26 18:30 \| https://evening-post.example/2026/11/night-ferry'
t_match "show prints the text" "$T_OUT" 'four hours and ten minutes'
t_match "show keeps list items" "$T_OUT" '^- Departures: 22:40 daily$'
tx show --html "$id"
t_match "show --html prints the stored HTML" "$T_OUT" '<em>four hours'
tx show 99999
t_status "show of a missing item fails" 2
t_match "show says the item is missing" "$T_ERR" 'no item 99999'

tx feeds
t_eq "feeds lists four feeds" "$(printf '%s\n' "$T_OUT" | wc -l)" 4
t_match "feeds shows counts and state" "$T_OUT" \
    '^1	file://.*port-news.xml	Port Ellery Evening Post	3	3	ok	file$'
tx feeds --json
t_eq "feeds --json: the tagged feed has its tags, the others none" \
    "$(printf '%s\n' "$T_OUT" | sed 's/.*"tags":\(.*\)}$/tags \1/')" 'tags []
tags ["Alps","german"]
tags []
tags []'
t_match "feeds --json: tags are the second feed's" "$T_OUT" \
    '^\{"id":2,"url":"file://[^"]*/bergblick.xml",.*"tags":\["Alps","german"\]\}$'

tx stats
t_match "stats counts items" "$T_OUT" 'items: +9 \(9 unread, 0 starred\)'

tx feeds
urls=$(field 2)
tx export
printf '%s\n' "$T_OUT" >"$T_DIR/subs.opml"
t_match "export writes OPML 2.0" "$T_OUT" '<opml version="2.0">'
"$TELEX" -d "$T_DIR/copy.db" import --allow-local "$T_DIR/subs.opml" >"$T_DIR/out" 2>&1
t_match "import reads the export" "$(cat "$T_DIR/out")" '^imported 4 feeds \(4 new'
"$TELEX" -d "$T_DIR/copy.db" feeds >"$T_DIR/copy"
t_eq "import subscribes to every exported feed" \
    "$(cut -f2 "$T_DIR/copy")" "$urls"
"$TELEX" -d "$T_DIR/copy.db" feeds --json >"$T_DIR/copy"
t_match "tags survive export and import" "$(cat "$T_DIR/copy")" \
    '^\{"id":2,"url":"file://[^"]*/bergblick.xml",.*"tags":\["Alps","german"\]\}$'
"$TELEX" -d "$T_DIR/urls.db" import "$DATA/newsboat-urls" >"$T_DIR/out" 2>&1
t_match "import reads newsboat urls files" "$(cat "$T_DIR/out")" '^imported 2 feeds'
"$TELEX" -d "$T_DIR/urls.db" feeds --json >"$T_DIR/copy"
t_eq "import keeps a urls file's addresses, tags and ~titles" \
    "$("$PYTHON3" -c '
import json, sys
for l in open(sys.argv[1]):
    f = json.loads(l)
    print(f["url"], f["title"], ",".join(f["tags"]))' "$T_DIR/copy")" \
    'https://evening-post.example/feed.xml None local papers,news
https://bergblick.example/atom.xml Bergblick mountains'
tx import "$DATA/no-such-file"
t_status "import of a missing file fails" 2

tx rm 3
t_status "rm a feed" 0
t_match "rm says the items stay" "$T_OUT" 'its 2 items stay'
tx list мосте
t_match "items of a removed feed stay" "$T_OUT" 'Переговоры'
tx feeds
t_eq "a removed feed is not listed" "$(field 1 | tr '\n' ' ')" "1 2 4 "
tx rm --purge 4
t_status "rm --purge" 0
tx list feed:hostile
t_eq "purged items are gone" "$T_OUT" ""
tx list
t_eq "only the purged feed's items are gone" "$(field 3 | sort | uniq -c | \
    sed 's/^ *//')" '2 Bergblick Tagebuch
3 Port Ellery Evening Post
2 Заречный вестник'
tx rm 42
t_status "rm of an unknown feed fails" 2

for f in "$DEMO"/*.xml; do
	"$TELEX" -d "$T_DIR/demo.db" add "file://$f" >/dev/null 2>&1
done
# Every <item> and <entry> of the demo feeds is stored.
n=$(cat "$DEMO"/*.xml | grep -oE '<(item|entry)[ >]' | wc -l | tr -d ' ')
"$TELEX" -d "$T_DIR/demo.db" poll >"$T_DIR/out" 2>&1
t_match "the demo feeds poll without failures" "$(cat "$T_DIR/out")" \
    "^polled 5 feeds: $n new, 0 unchanged, 0 failed\$"
"$TELEX" -d "$T_DIR/demo.db" list >"$T_DIR/out" 2>&1
t_eq "the demo archive holds every item ($n)" \
    "$(wc -l <"$T_DIR/out" | tr -d ' ')" "$n"

t_done
