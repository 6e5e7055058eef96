#!/bin/sh
# Moving from newsboat: the real newsboat polls feeds from the loopback
# server into its cache.db, some items are marked read, flagged and
# deleted there, then telex import --newsboat brings feeds, items with
# their states, saved searches and config lines over; export --urls and
# import --sync keep a urls file the source of truth.

. "$(dirname "$0")/lib.sh"

if ! command -v newsboat >/dev/null 2>&1; then
	echo "1..0 # SKIP newsboat is not installed (apt-get install newsboat)"
	exit 0
fi

DATA=$TELEX_SRCDIR/tests/data/newsboat
NB=$T_DIR/nb
CONF=$T_DIR/telex.conf
mkdir -p "$NB" "$T_DIR/www" "$T_DIR/nbhome"
cp "$DATA/gazette.xml" "$DATA/rhone.xml" "$DATA/vestnik.xml" "$T_DIR/www/"
t_server "$T_DIR/www"

cat >"$NB/urls" <<EOF
# feeds moved from newsboat
$T_URL/feed/gazette.xml news local "~Gazette (harbour)"
$T_URL/feed/rhone.xml fr news
$T_URL/feed/vestnik.xml ru
"exec:cat $DATA/stadt.xml" de
"query:Unread news:unread = \"yes\" and tags # \"news\""
"query:Starred:flags # \"s\""
"query:By link:link =~ \"gazette\""
EOF
cat >"$NB/config" <<'EOF'
reload-threads 2
auto-reload yes
reload-time 20
browser "lynx %u"
bind-key ^R reload-all
bind-key x edit-flags
unbind-key A
color listfocus black yellow bold
ignore-article "*" "author =~ \"Press Release\""
keep-articles-days 365
max-items 100
user-agent "telex-test/1.0"
highlight article "ferry" red
EOF

# newsboat itself fills cache.db from the loopback server.
HOME=$T_DIR/nbhome newsboat -u "$NB/urls" -c "$NB/cache.db" -C "$NB/config" \
    -x reload >"$T_DIR/nb.out" 2>&1
t_eq "newsboat stored every item of the four feeds" \
    "$("$PYTHON3" -c 'import sqlite3,sys
print(sqlite3.connect(sys.argv[1]).execute("select count(*) from rss_item").fetchone()[0])' "$NB/cache.db")" 11

# Read, flagged and deleted there, as a newsboat user leaves them.
"$PYTHON3" - "$NB/cache.db" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("update rss_item set unread = 0 where guid in"
           " ('gazette-ferry-1102', 'urn:filrhone:noel-1105',"
           " 'vestnik-parom-1103')")
db.execute("update rss_item set flags = 's' where guid = 'gazette-ferry-1102'")
db.execute("update rss_item set flags = 'sA' where guid = 'urn:filrhone:crue-1106'")
db.execute("update rss_item set flags = 'b' where guid = 'stadt-faehre-1101'")
db.execute("update rss_item set deleted = 1 where guid = 'gazette-boots-1105'")
db.commit()
EOF
# What newsboat's cache says, to compare telex's archive with.
nbcount() {
	"$PYTHON3" -c 'import sqlite3,sys
print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' \
	    "$NB/cache.db" "$1"
}
nb_unread=$(nbcount "select count(*) from rss_item where unread = 1 and deleted = 0")
nb_flagged=$(nbcount "select count(*) from rss_item where flags != ''")
nb_deleted=$(nbcount "select count(*) from rss_item where deleted = 1")

count() {
	tx list "$@"
	printf '%s\n' "$T_OUT" | grep -c .
}

tx -c "$CONF" import --newsboat "$NB"
t_status "import --newsboat succeeds" 0
cp "$T_DIR/out" "$T_DIR/report1"
t_match "the report counts feeds" "$T_OUT" '^feeds: 4 \(4 new\)$'
t_match "the report counts exec feeds" "$T_OUT" '^exec and filter feeds: 1 '
t_match "the report counts items and their states" "$T_OUT" \
    '^items: 11 in the cache, 11 new \(8 unread, 3 starred, 4 flag tags, 1 hidden\)$'
t_match "the report counts saved searches" "$T_OUT" '^saved searches: 2$'
t_match "the report counts config lines" "$T_OUT" \
    "^config: 1 rules, 2 binds, 1 colours, 5 settings; 12 lines added to $CONF\$"
t_match "the report says a query it could not translate" "$T_OUT" \
    "  $NB/urls:8: query \"By link\" not saved: telex has nothing like newsboat's link"
t_match "the report says an operation telex lacks" "$T_OUT" \
    "  $NB/config:6: telex has no action like newsboat's edit-flags"
t_match "the report says a setting telex lacks" "$T_OUT" \
    "  $NB/config:1: telex has no setting like newsboat's reload-threads"
t_match "the report counts the skipped lines" "$T_OUT" '^skipped 4 lines:$'

t_eq "every item is in the archive" "$(count 'is:read OR is:unread OR is:hidden')" 11
t_eq "unread as in newsboat" "$(count is:unread)" "$nb_unread"
t_eq "read as in newsboat" "$(count is:read)" 3
t_eq "flagged items are starred" "$(count is:starred)" "$nb_flagged"
t_eq "deleted items are hidden" "$(count is:hidden)" "$nb_deleted"
t_eq "hidden items stay out of lists" "$(count)" 10
t_eq "flag s becomes tag flag-s" "$(count tag:flag-s)" 2
t_eq "flag A becomes tag flag-upper-a" "$(count tag:flag-upper-a)" 1
t_eq "flag b becomes tag flag-b" "$(count tag:flag-b)" 1
t_eq "the enclosure came along" "$(count has:enclosure)" 1
t_eq "authors came along" "$(count author:okafor)" 1
t_eq "the exec feed's items came along" "$(count 'feed:stadt.xml')" 2
tx list title:ferry
t_match "dates are newsboat's pubDate" "$T_OUT" \
    '^[0-9]+	2026-11-02 06:30	Gazette \(harbour\)	\*	Night ferry resumes after the storm$'
tx search паромы
t_match "items are indexed for search, stemmed" "$T_OUT" 'Паром снова ходит'
tx show "$(tx list title:lighthouse; printf '%s' "$T_OUT" | cut -f 1)"
t_match "content is cleaned HTML" "$T_OUT" 'Two former keepers remember the winters'
t_match "the enclosure shows with its type" "$T_OUT" 'keepers.mp3, audio/mpeg'

tx feeds
t_match "a ~title names the feed" "$T_OUT" \
    "	$T_URL/feed/gazette.xml	Gazette \\(harbour\\)	"
t_match "other feeds take newsboat's titles" "$T_OUT" \
    "	$T_URL/feed/vestnik.xml	Волжский вестник	"
tx tags
t_match "feed tags came from the urls file" "$T_OUT" '^news	'
tx saved
t_match "a query feed became a saved search" "$T_OUT" \
    '^Unread news	[0-9]+	is:unread tag:news$'
t_match "flags # s became tag:flag-s" "$T_OUT" '^Starred	2	tag:flag-s$'

t_eq "config lines are appended in a marked block" "$(cat "$CONF")" \
"# From newsboat's $NB/config (telex import --newsboat)
set browser 'lynx %u'
bind ^R poll-all
bind A none
color selected black yellow bold
rule 'author:\"Press Release\"' hide
keep all 365d
set user-agent telex-test/1.0
set poll-interval 20m
keep 'feed:\"$T_URL/feed/gazette.xml\"' 100
keep 'feed:\"$T_URL/feed/rhone.xml\"' 100
keep 'feed:\"$T_URL/feed/vestnik.xml\"' 100
keep 'feed:\"exec:cat $DATA/stadt.xml\"' 100
# End of the lines from newsboat"
tx -c "$CONF" rules
t_match "telex reads the rule it was given" "$T_OUT" \
    '^1	6	author:"Press Release"	hide$'
t_eq "telex reads the config without a warning" "$T_ERR" ""

# A second run adds nothing and leaves what the user did since alone.
tx mark unread id:"$(tx list title:ferry; printf '%s' "$T_OUT" | cut -f 1)"
cp "$CONF" "$T_DIR/conf.before"
tx -c "$CONF" import --newsboat "$NB"
t_match "a second import adds nothing" "$T_OUT" \
    '^items: 11 in the cache, 0 new \(0 unread, 0 starred, 0 flag tags, 0 hidden\)$'
t_match "a second import adds no feed" "$T_OUT" '^feeds: 4 \(0 new\)$'
t_match "a second import adds no config line" "$T_OUT" ' 0 lines added to '
t_eq "the config is unchanged" "$(cmp "$CONF" "$T_DIR/conf.before" && echo same)" same
t_eq "no item twice" "$(count 'is:read OR is:unread OR is:hidden')" 11
t_eq "a state changed in telex stays" "$(count is:unread)" "$((nb_unread + 1))"
t_eq "flag tags are not put on twice" "$(count tag:flag-s)" 2

# A poll of the feed afterwards finds the same items and keeps the title.
tx poll 1
t_status "telex polls the imported feed" 0
t_eq "the poll finds newsboat's items already there" \
    "$(count 'is:read OR is:unread OR is:hidden')" 11
tx feeds
t_match "the poll keeps the ~title" "$T_OUT" \
    "	$T_URL/feed/gazette.xml	Gazette \\(harbour\\)	"

# Where newsboat keeps its files when no folder is given.
mkdir -p "$HOME/.newsboat"
cp "$NB/urls" "$NB/cache.db" "$HOME/.newsboat/"
"$TELEX" -d "$T_DIR/home.db" -c "$T_DIR/home.conf" import --newsboat \
    >"$T_DIR/out" 2>&1
t_match "~/.newsboat is read by default" "$(cat "$T_DIR/out")" \
    '^items: 11 in the cache, 11 new'
rm -rf "$HOME/.newsboat"
mkdir -p "$XDG_CONFIG_HOME/newsboat" "$XDG_DATA_HOME/newsboat"
cp "$NB/urls" "$XDG_CONFIG_HOME/newsboat/"
cp "$NB/cache.db" "$XDG_DATA_HOME/newsboat/"
"$TELEX" -d "$T_DIR/xdg.db" -c "$T_DIR/xdg.conf" import --newsboat \
    >"$T_DIR/out" 2>&1
t_match "else the XDG folders" "$(cat "$T_DIR/out")" \
    '^items: 11 in the cache, 11 new'

tx import --newsboat "$T_DIR/nowhere"
t_status "a folder without newsboat's files fails" 2
t_match "...saying what to do" "$T_ERR" \
    "^telex: cannot import from newsboat: no urls file of newsboat's in $T_DIR/nowhere; give the folder that holds it"
mkdir -p "$T_DIR/bad"
cp "$NB/urls" "$T_DIR/bad/"
echo "not a database" >"$T_DIR/bad/cache.db"
tx import --newsboat "$T_DIR/bad"
t_status "a cache.db that is not newsboat's fails" 2
t_match "...saying so" "$T_ERR" "^telex: cannot import from newsboat: .*cache.db"

# export --urls and import --sync: a urls file as the source of truth.
tx export --urls
t_status "export --urls" 0
printf '%s\n' "$T_OUT" >"$T_DIR/urls.out"
t_eq "export --urls writes tags and the given title" "$T_OUT" \
"$T_URL/feed/gazette.xml local news \"~Gazette (harbour)\"
$T_URL/feed/rhone.xml fr news
$T_URL/feed/vestnik.xml ru
\"exec:cat $DATA/stadt.xml\" de"
"$TELEX" -d "$T_DIR/fresh.db" import --sync "$T_DIR/urls.out" >"$T_DIR/out" \
    2>"$T_DIR/err"
t_eq "sync refuses a file with an exec: feed without --allow-exec" \
    "$(grep -c 'only with --allow-exec' "$T_DIR/err") $("$TELEX" -d "$T_DIR/fresh.db" feeds | grep -c .)" "1 0"
t_match "...naming the feed" "$(cat "$T_DIR/err")" "^telex: exec:cat .*stadt.xml: "
"$TELEX" -d "$T_DIR/fresh.db" import --sync "$T_DIR/urls.out" --allow-exec \
    >"$T_DIR/out"
t_match "sync on a fresh archive adds every feed" "$(cat "$T_DIR/out")" \
    ': 4 feeds, 4 added, 0 removed, 0 changed$'
t_eq "export | sync round-trips feeds, tags and titles" \
    "$("$TELEX" -d "$T_DIR/fresh.db" export --urls)" "$(cat "$T_DIR/urls.out")"
"$TELEX" -d "$T_DIR/fresh.db" import --sync "$T_DIR/urls.out" --allow-exec \
    >"$T_DIR/out"
t_match "a second sync changes nothing" "$(cat "$T_DIR/out")" \
    ': 4 feeds, 0 added, 0 removed, 0 changed$'

cp "$DATA/gazette.xml" "$T_DIR/www/new.xml"
cat >"$T_DIR/dotfiles-urls" <<EOF
$T_URL/feed/gazette.xml news local "~Gazette (harbour)"
$T_URL/feed/rhone.xml fr
"exec:cat $DATA/stadt.xml" de
$T_URL/feed/new.xml tech
EOF
tx import --sync "$T_DIR/dotfiles-urls" --allow-exec
t_status "sync" 0
t_match "sync says what it added" "$T_OUT" "^added $T_URL/feed/new.xml$"
t_match "sync says what it removed" "$T_OUT" \
    "^removed \\(items kept\\) $T_URL/feed/vestnik.xml$"
t_match "sync says what it changed" "$T_OUT" "^changed $T_URL/feed/rhone.xml$"
t_match "sync sums up" "$T_OUT" ': 4 feeds, 1 added, 1 removed, 1 changed$'
tx feeds
t_no_match "the removed feed is gone" "$T_OUT" vestnik
t_eq "its items stay" "$(count паром)" 1
tx export --urls
t_match "tags are made equal to the file" "$T_OUT" "^$T_URL/feed/rhone.xml fr\$"

grep -v rhone "$T_DIR/dotfiles-urls" >"$T_DIR/dotfiles-urls2"
tx import --sync "$T_DIR/dotfiles-urls2" --purge --allow-exec
t_match "sync --purge says the items went" "$T_OUT" \
    "^removed \\(items deleted\\) $T_URL/feed/rhone.xml$"
t_eq "--purge deletes the removed feed's items" "$(count 'feed:rhone.xml')" 0

: >"$T_DIR/empty-urls"
tx import --sync "$T_DIR/empty-urls"
t_status "a sync with an empty file is refused" 2
t_match "...saying why" "$T_ERR" "lists no feeds: telex will not unsubscribe from every feed"
tx feeds
t_eq "...and nothing is removed" "$(printf '%s\n' "$T_OUT" | grep -c .)" 3

t_done
