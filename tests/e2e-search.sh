#!/bin/sh
# End-to-end tests of the query language through the real binary: list,
# search, tag, tags, mark, saved searches and config rules on a real
# archive filled from file:// feeds.
. "$(dirname "$0")/lib.sh"

DATA=$TELEX_SRCDIR/tests/data
DEMO=$TELEX_SRCDIR/feeds/demo
CONF=$T_DIR/config.txt

ids() {
	printf '%s\n' "$T_OUT" | cut -f1 | tr '\n' ' ' | sed 's/ $//'
}

# The text a --json hit's highlights point at in its snippet.
marked() {
	printf '%s\n' "$T_OUT" | "$PYTHON3" -c '
import json, sys
r = json.load(sys.stdin)
print(" ".join(r["snippet"][a:b] for a, b in r["highlights"]))'
}

cat >"$CONF" <<'EOF'
# Rules for new items: a killfile and some filing.
rule "title:lifeboat" +Rescue
rule "feed:bergblick seilbahn" +Alps read
rule "Rovers penalties" hide
EOF
for f in "$DATA/port-news.xml" "$DATA/bergblick.xml" \
    "$DATA/vestnik-1251.xml" "$DEMO/harbour-gazette.xml"; do
	tx add --no-check "file://$f"
done
tx -c "$CONF" poll
t_status "poll with rules" 0
t_match "poll stored every item" "$T_OUT" \
    '^polled 4 feeds: 17 new, 0 unchanged, 0 failed$'

tx search ferry
t_status "search works" 0
t_eq "search ranks the ferry stories" "$(ids)" "1 9 12"
t_match "a piped search marks matches in brackets" "$T_OUT" \
    '^1	2026-11-26 18:30	Port Ellery Evening Post	N	Night ferry [^	]*	.*\[ferry\]'
tx list tide
t_eq "list gives the tide stories by date" "$(ids)" "2 8 11 12"
tx search tide
t_eq "search ranks those with tide in the title first" "$(ids)" "11 12 2 8"
tx search -n 1 ferry
t_eq "search -n limits" "$(ids)" "1"
tx search --json -n 1 ferry
t_match "search --json gives the snippet" "$T_OUT" '"snippet":"[^"]*ferry'
t_eq "search --json gives the offsets of the match in the snippet" \
    "$(marked)" ferry
tx search --json -n 1 переговоры
t_eq "...counted in characters, not bytes" \
    "$(marked)" "переговорах"
tx search 'title:ferry'
t_eq "title: searches titles only" "$(ids)" "1 9"
tx search '"night ferry"'
t_eq "a phrase matches exactly" "$(ids)" "1"
tx search '"ferry night"'
t_eq "a phrase keeps its order" "$(ids)" ""
tx search 'переговоры'
t_eq "search in Russian" "$(ids)" "6"
tx search 'HÜTTE'
t_eq "case and accents are folded" "$(ids)" "4"

tx list ferry
t_eq "list keeps date order" "$(ids)" "1 9 12"
tx list 'ferry OR lifeboat'
t_eq "OR" "$(ids)" "2 8 1 9 11 12"
tx list 'ferry -tide'
t_eq "-term" "$(ids)" "1 9"
tx list 'feed:gazette (ferry OR bakery)'
t_eq "parentheses and feed:" "$(ids)" "9 12 13"
tx list 'after:2026-11-25 before:2026-11-26'
t_eq "after: and before:" "$(ids)" "10 6"
tx list 'date:2026-11-28'
t_eq "date: a day" "$(ids)" "5 3"

tx list 'tag:rescue'
t_eq "a rule tagged the lifeboat stories" "$(ids)" "2 11"
tx tags
t_match "tags lists a rule's tag in its first spelling" "$T_OUT" \
    '^Rescue	2	0$'
tx list 'tag:alps is:read'
t_eq "a rule tagged and marked read" "$(ids)" "5"
tx list rovers
t_eq "a hidden item is left out of lists" "$(ids)" ""
tx list 'rovers is:hidden'
t_eq "is:hidden finds it" "$(ids)" "14"

tx tag +Boats +harbour-news -- ferry
t_status "tag by query" 0
t_eq "tag says how many" "$T_OUT" "tagged 3 items"
tx list tag:harbour-news
t_eq "tag added the second tag too" "$(ids)" "1 9 12"
tx tag +BOATS -harbour-news -- ferry OR lifeboat
t_eq "tag adds and removes" "$T_OUT" "tagged 6 items"
tx tags --json
t_match "tags --json" "$T_OUT" '^\{"tag":"Boats","items":6,"feeds":0\}$'
t_no_match "a tag removed from every item is gone" "$T_OUT" 'harbour-news'
tx list tag:boats
t_eq "tag: finds tagged items, case-insensitively" "$(ids)" \
    "2 8 1 9 11 12"
tx tag '+two words' ferry
t_status "a tag with a space is refused" 1
t_match "the refusal says why" "$T_ERR" 'is not a tag: .*spaces'
tx tag ferry
t_status "tag without +/- is a usage error" 1

tx mark read ferry
t_eq "mark read" "$T_OUT" "marked 3 items read"
tx mark star 'title:wall'
t_eq "mark star" "$T_OUT" "marked 1 item star"
tx list 'is:starred OR (is:read ferry)'
t_eq "marks show in queries" "$(ids)" "8 1 9 12"
tx mark unread ferry
tx list 'is:unread ferry'
t_eq "mark unread" "$(ids)" "1 9 12"
tx mark frobnicate ferry
t_status "an unknown mark is a usage error" 1

tx saved add Ferries 'ferry OR lifeboat'
t_status "saved add" 0
tx saved add Russian 'feed:вестник'
tx saved
t_eq "saved lists searches with counts" "$T_OUT" "$(printf \
    'Ferries\t6\tferry OR lifeboat\nRussian\t2\tfeed:вестник')"
tx saved add Broken 'tga:x'
t_status "saving a bad query fails" 1
tx saved rm Ferries
t_status "saved rm" 0
tx saved
t_eq "saved rm removed it, and the bad query was not saved" "$T_OUT" \
    "$(printf 'Russian\t2\tfeed:вестник')"
tx saved rm Ferries
t_status "removing it again fails" 2
t_match "saying there is none" "$T_ERR" 'no saved search "Ferries"'

tx list 'hello tga:x'
t_status "a bad query is a usage error" 1
t_eq "the message names the word and column" "$T_ERR" \
    'telex: query: unknown field "tga:" at column 7 (fields are title: author: feed: tag: is: has: after: before: date: id:; put a word with a colon in quotes)'
tx search '(ferry OR bus'
t_status "search: unbalanced parenthesis" 1
t_match "names the column" "$T_ERR" 'unbalanced parenthesis at column 1'
tx list 'after:yesterday'
t_match "a bad date says what it wants" "$T_ERR" \
    '"after:" wants a date like 2026-11-01, not "yesterday" at column 1'
tx search "x'); DROP TABLE items; --"
t_no_match "no SQL reaches the user" "$T_ERR" 'SQL|sqlite|syntax'
tx list
t_eq "the archive is intact" "$(printf '%s\n' "$T_OUT" | wc -l)" 16

printf 'rule "tga:x" +oops\n' >"$T_DIR/bad.conf"
tx -c "$T_DIR/bad.conf" poll
t_status "a bad rule stops poll" 1
t_match "a bad rule names its line" "$T_ERR" \
    'bad.conf, line 1: rule: query: unknown field "tga:"'
printf 'rule ferry +\n' >"$T_DIR/bad.conf"
tx -c "$T_DIR/bad.conf" poll
t_status "a bad action stops poll" 1
t_match "a bad action is named" "$T_ERR" 'line 1: rule: .*tag name'

for c in search tag tags mark saved; do
	tx "$c" --help
	t_match "$c --help explains $c" "$T_OUT" "^usage: telex $c"
done
t_done
