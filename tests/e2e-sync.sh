#!/bin/sh
# End-to-end tests of telex sync against a real, private Tiny Tiny RSS
# (tests/ttrss.sh) that fetches feeds from the loopback test server:
# subscriptions, items stored once, read, star and labels both ways,
# changes made offline, the conflict rule, and the faults a user meets.
. "$(dirname "$0")/lib.sh"
. "$TELEX_SRCDIR/tests/ttrss.sh"

why=$(ttrss_missing)
if [ -n "$why" ]; then
	echo "1..0 # SKIP no Tiny Tiny RSS to sync with: $why"
	exit 0
fi

TT=$T_DIR/tt
chmod 755 "$T_DIR"
sync_cleanup() {
	ttrss_stop "$TT" 2>/dev/null
	t_cleanup
}
trap sync_cleanup EXIT

# Three feeds of our own: a harbour paper in English, a Rhône valley one
# in French and a German one with many short items (several pages).
ROOT=$T_DIR/www
mkdir -p "$ROOT"
"$PYTHON3" - "$ROOT" <<'PY'
import sys
root = sys.argv[1]
def feed(name, title, link, items):
    body = "".join(
        "<item><title>%s</title><guid>%s</guid>%s"
        "<pubDate>%s</pubDate><description>%s</description></item>\n"
        % (t, g, "<link>%s</link>" % l if l else "", d, x)
        for t, g, l, d, x in items)
    open("%s/%s" % (root, name), "w").write(
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0">'
        "<channel><title>%s</title><link>%s</link>\n%s</channel></rss>\n"
        % (title, link, body))
feed("harbour.xml", "Harbour Evening Post", "https://harbour.example/", [
    ("Ferry timetable changes for the winter", "hep-101",
     "https://harbour.example/ferry-winter", "Mon, 02 Nov 2026 07:00:00 GMT",
     "The morning ferry leaves twenty minutes later from Monday."),
    ("Fishing fleet returns with a record catch", "hep-102",
     "https://harbour.example/record-catch", "Tue, 03 Nov 2026 08:00:00 GMT",
     "Forty boats landed more herring than in any week since 1998."),
    ("Lighthouse keeper retires after forty years", "hep-103",
     "https://harbour.example/keeper", "Wed, 04 Nov 2026 09:00:00 GMT",
     "Margaret Olsen climbed the 112 steps every evening."),
    ("Storm warning for the northern coast", "hep-104",
     "https://harbour.example/storm", "Thu, 05 Nov 2026 10:00:00 GMT",
     "Gusts of up to 90 km/h are expected after midnight."),
])
feed("rhone.xml", "Le Courrier du Rh\u00f4ne", "https://rhone.example/", [
    ("Les vendanges s'ach\u00e8vent sous le soleil", "cdr-1",
     "https://rhone.example/vendanges", "Mon, 02 Nov 2026 12:00:00 GMT",
     "Les vignerons de Tain parlent d'un mill\u00e9sime exceptionnel."),
    ("Le pont de Valence ferm\u00e9 pour travaux", "cdr-2",
     "https://rhone.example/pont", "Tue, 03 Nov 2026 12:00:00 GMT",
     "La circulation sera d\u00e9vi\u00e9e pendant trois semaines."),
    ("Un festival de jazz \u00e0 Vienne en d\u00e9cembre", "cdr-3",
     "https://rhone.example/jazz", "Wed, 04 Nov 2026 12:00:00 GMT",
     "Douze concerts sont pr\u00e9vus au th\u00e9\u00e2tre antique."),
    ("Br\u00e8ve : la crue est pass\u00e9e", "cdr-4", None,
     "Thu, 05 Nov 2026 06:00:00 GMT",
     "Le fleuve est revenu dans son lit pendant la nuit."),
])
feed("pegel.xml", "Pegelst\u00e4nde am Rhein", "https://pegel.example/", [
    ("Pegel K\u00f6ln: Messung %d" % i, "pegel-%d" % i,
     "https://pegel.example/messung/%d" % i,
     "Sun, 01 Nov 2026 %02d:%02d:00 GMT" % (i // 60 % 24, i % 60),
     "Der Wasserstand betr\u00e4gt %d Zentimeter." % (300 + i))
    for i in range(1, 451)
])
PY
t_server "$ROOT"

if ! ttrss_start "$TT" >"$T_DIR/ttrss.out" 2>&1; then
	echo "1..0 # SKIP the private Tiny Tiny RSS did not start (see tests/ttrss.sh)"
	exit 0
fi

CONF=$T_DIR/config
cat >"$CONF" <<EOF
sync ttrss $TTRSS_URL admin
sync-password-command 'echo password'
EOF
# txdb DB ARGS: telex with another archive; tx: with the test's.
txdb() {
	T_RC=0
	db=$1
	shift
	"$TELEX" -d "$db" -c "$CONF" "$@" >"$T_DIR/out" 2>"$T_DIR/err" ||
	    T_RC=$?
	T_OUT=$(cat "$T_DIR/out")
	T_ERR=$(cat "$T_DIR/err")
}
tx() {
	txdb "$T_DB" "$@"
}
# The server's own view, straight from its database.
srv() {
	ttrss_sql "$TT" "$1" -t -A 2>/dev/null
}
srv_q() {
	ttrss_as "$TTRSS_PGBIN/psql" -q -X -t -A -h "$TT" \
	    -p "$(cat "$TT/pgport")" -U ttrss -d ttrss -c "$1"
}
guid_id() {	# the server's article id of the item with this link
	srv_q "SELECT id FROM ttrss_entries WHERE link = '$1'"
}

# Before any sync, --status names the configured server, or the line
# to add when there is none.
tx sync --status
t_match "sync --status before a first sync names the server" "$T_OUT" \
    "^server: $TTRSS_URL \\(not synced yet\\)\$"
t_match "...and no API level yet" "$T_OUT" "^api level: unknown until a sync\$"
"$TELEX" -d "$T_DIR/none.db" -c /dev/null sync --status >"$T_DIR/out"
t_match "without a sync line it says what to add" "$(cat "$T_DIR/out")" \
    '^server: none; add "sync ttrss URL USER" to the config$'

# Subscribe here: the server has it, and fetches it.
tx add "$T_URL/feed/harbour.xml"
t_status "add with a sync server" 0
t_match "add says the server subscribed too" "$T_OUT" "on the sync server too"
t_eq "the server has the feed" \
    "$(srv_q "SELECT count(*) FROM ttrss_feeds WHERE feed_url = '$T_URL/feed/harbour.xml'")" 1
tx add --local "$T_URL/feed/rhone.xml"
t_eq "add --local leaves the server alone" \
    "$(srv_q "SELECT count(*) FROM ttrss_feeds")" 1
# The French feed is subscribed on the server by hand, as on a phone.
ttrss_api_sid() {
	ttrss_api "$TT" "{\"op\":\"login\",\"user\":\"admin\",\"password\":\"password\"}" |
	    "$PYTHON3" -c 'import json,sys; print(json.load(sys.stdin)["content"]["session_id"])'
}
SID=$(ttrss_api_sid)
api() {
	ttrss_api "$TT" "{\"op\":\"$1\",\"sid\":\"$SID\"${2:+,$2}}"
}
api subscribeToFeed "\"feed_url\":\"$T_URL/feed/rhone.xml\"" >/dev/null
ttrss_update "$TT"
t_eq "the server fetched eight articles" \
    "$(srv_q "SELECT count(*) FROM ttrss_entries")" 8

# A local poll of the French feed first: its items must not be doubled.
tx poll "$T_URL/feed/rhone.xml"
t_status "a local poll of the French feed" 0
tx sync
t_status "first sync" 0
t_match "sync says what it did" "$T_OUT" "^synced with $TTRSS_URL: 2 feeds, 4 new items"
tx list -n 100
t_eq "every article stored once (by guid hash, else link)" \
    "$(printf '%s\n' "$T_OUT" | wc -l)" 8
tx feeds
t_eq "two feeds here, both synced" \
    "$(printf '%s\n' "$T_OUT" | cut -f6 | sort -u)" \
    "synced: the sync server fetches it"
t_eq "...two lines" "$(printf '%s\n' "$T_OUT" | wc -l)" 2
tx feeds --json
t_eq "feeds --json says so" "$(printf '%s\n' "$T_OUT" | grep -c '"synced":true,')" 2
tx sync
t_match "a second sync stores nothing again" "$T_OUT" " 0 new items"

# The server fetches the synced feeds; a poll here leaves them alone.
before=$(grep -c 'GET /feed/harbour.xml' "$T_LOG")
tx poll
t_status "poll with every feed synced" 0
t_match "poll syncs" "$T_OUT" "synced: 0 new"
t_eq "poll fetches no synced feed itself" \
    "$(grep -c 'GET /feed/harbour.xml' "$T_LOG")" "$before"

# A session the server ended: the sync logs in again by itself.
srv_q "DELETE FROM ttrss_sessions" >/dev/null
tx sync
t_status "sync after the server ended the session" 0
SID=$(ttrss_api_sid)

# The API's own address names the same server: nothing is fetched or
# stored again, and what waits in the queue stays.
sed "s|^sync ttrss .* admin|sync ttrss ${TTRSS_URL}api/ admin|" "$CONF" \
    >"$T_DIR/api.conf"
tx mark star "title:crue"
T_RC=0
"$TELEX" -d "$T_DB" -c "$T_DIR/api.conf" sync >"$T_DIR/out" 2>"$T_DIR/err" ||
    T_RC=$?
t_status "a sync line ending in api/ works too" 0
t_match "the same server: no article again, the queued change sent" \
    "$(cat "$T_DIR/out")" " 0 new items, 1 changes sent"
tx sync
tx list -n 100
t_eq "still every article once" "$(printf '%s\n' "$T_OUT" | wc -l)" 8

# Read here -> read there.
tx mark read "title:lighthouse"
tx sync --status
t_match "the read mark waits in the queue" "$T_OUT" "^queued changes: 1$"
tx sync
t_match "sync sends the change" "$T_OUT" "1 changes sent"
t_eq "read here is read there" "$(srv_q "SELECT unread FROM ttrss_user_entries
    WHERE ref_id = $(guid_id https://harbour.example/keeper)")" f
tx sync --status
t_match "the queue is empty once sent" "$T_OUT" "^queued changes: 0$"

# Star there -> starred here; label there -> tag here.
STORM=$(guid_id https://harbour.example/storm)
api updateArticle "\"article_ids\":\"$STORM\",\"mode\":1,\"field\":0" >/dev/null
srv_q "INSERT INTO ttrss_labels2 (owner_uid, caption) VALUES (1, 'weather')" >/dev/null
LABEL=$(( -1025 - $(srv_q "SELECT id FROM ttrss_labels2 WHERE caption = 'weather'") ))
api setArticleLabel "\"article_ids\":\"$STORM\",\"label_id\":$LABEL,\"assign\":true" >/dev/null
tx sync
tx list is:starred
t_match "starred there is starred here" "$T_OUT" "Storm warning"
tx list tag:weather
t_match "a label there is a tag here" "$T_OUT" "Storm warning"
# ... and back: a tag here becomes the label there, one removed goes.
tx tag +weather -- "title:ferry"
tx tag -weather -- "title:storm"
tx sync
t_eq "a tag here becomes the label there" "$(srv_q "SELECT count(*) FROM
    ttrss_user_labels2 WHERE article_id = $(guid_id https://harbour.example/ferry-winter)")" 1
t_eq "a tag removed here leaves the label there" "$(srv_q "SELECT count(*)
    FROM ttrss_user_labels2 WHERE article_id = $STORM")" 0
tx tag +mine -- "title:jazz"
tx sync
tx sync --status
t_match "a tag with no label there stays local" "$T_OUT" "^local-only tags: mine$"
t_eq "and the server is not asked to label" "$(srv_q "SELECT count(*) FROM ttrss_labels2")" 1

# Changes made with the server stopped all arrive once it is back.
ttrss_web_stop "$TT"
tx mark read "title:vendanges OR title:pont"
tx mark star "title:fishing"
tx sync
t_status "sync with the server down fails" 2
t_eq "in one line" "$(printf '%s\n' "$T_ERR" | wc -l)" 1
t_match "naming the server and what to do" "$T_ERR" \
    "^telex: sync with $TTRSS_URL: .*(connect|refused)"
tx poll
t_status "poll with the server down still polls the local feeds" 3
t_match "and says the sync failed" "$T_OUT" "sync failed"
tx sync --status
t_match "the changes wait" "$T_OUT" "^queued changes: 3$"
ttrss_web_start "$TT"
tx sync
t_status "sync once the server is back" 0
t_eq "the read marks arrived" "$(srv_q "SELECT count(*) FROM ttrss_user_entries u
    JOIN ttrss_entries e ON e.id = u.ref_id WHERE NOT u.unread AND e.link IN
    ('https://rhone.example/vendanges', 'https://rhone.example/pont')")" 2
t_eq "the star arrived" "$(srv_q "SELECT marked FROM ttrss_user_entries WHERE
    ref_id = $(guid_id https://harbour.example/record-catch)")" t

# Both sides change one item: the field changed here wins, the other
# field takes the server's state.
FERRY=$(guid_id https://harbour.example/ferry-winter)
tx mark read "title:ferry"
api updateArticle "\"article_ids\":\"$FERRY\",\"mode\":1,\"field\":2" >/dev/null
api updateArticle "\"article_ids\":\"$FERRY\",\"mode\":1,\"field\":0" >/dev/null
tx sync
tx list "title:ferry"
t_match "read here wins over unread there" "$T_OUT" "	\\*	Ferry"
t_eq "and is sent there" "$(srv_q "SELECT unread FROM ttrss_user_entries
    WHERE ref_id = $FERRY")" f

# Faults: API access off, a wrong password (a new archive must log in).
srv_q "UPDATE ttrss_user_prefs SET value = 'false' WHERE pref_name = 'ENABLE_API_ACCESS'" >/dev/null
txdb "$T_DIR/other.db" sync
t_match "API access off is said with what to do" "$T_ERR" \
    "API access is off for user admin; turn on \"Enable API\""
srv_q "UPDATE ttrss_user_prefs SET value = 'true' WHERE pref_name = 'ENABLE_API_ACCESS'" >/dev/null
sed 's/echo password/echo hunter2/' "$CONF" >"$T_DIR/wrong"
T_RC=0
"$TELEX" -d "$T_DIR/other.db" -c "$T_DIR/wrong" sync >"$T_DIR/out" 2>"$T_DIR/err" || T_RC=$?
t_status "a wrong password fails" 2
t_match "and says so" "$(cat "$T_DIR/err")" \
    "^telex: sync with $TTRSS_URL: cannot log in: the server refused user admin's password"
t_no_match "without the password" "$(cat "$T_DIR/err")" "hunter2"
sed 's/echo password/echo nokey >\&2; exit 4/' "$CONF" >"$T_DIR/nocmd"
T_RC=0
"$TELEX" -d "$T_DIR/other.db" -c "$T_DIR/nocmd" sync >"$T_DIR/out" 2>"$T_DIR/err" || T_RC=$?
t_status "a failing password command fails the sync" 2
t_match "and says which command and why" "$(cat "$T_DIR/err")" \
    "cannot log in: sync-password-command: .* ended with status 4: nokey"

# A server that does not answer in time, and one whose certificate
# cannot be verified: one line each, naming the server.
cat >"$T_DIR/slow.conf" <<EOF
sync ttrss $T_URL/slow/ admin
sync-password-command 'echo password'
set poll-timeout 1
EOF
T_RC=0
"$TELEX" -d "$T_DIR/slow.db" -c "$T_DIR/slow.conf" sync >/dev/null \
    2>"$T_DIR/err" || T_RC=$?
t_status "a server that does not answer in time fails the sync" 2
t_match "with one line saying so" "$(cat "$T_DIR/err")" \
    "^telex: sync with $T_URL/slow/: cannot log in: .*(time|Timeout)"
if command -v openssl >/dev/null 2>&1; then
	openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 \
	    -keyout "$T_DIR/key.pem" -out "$T_DIR/cert.pem" >/dev/null 2>&1
	"$PYTHON3" "$TELEX_SRCDIR/tests/httpd.py" --root "$ROOT" \
	    --tls-cert "$T_DIR/cert.pem" --tls-key "$T_DIR/key.pem" \
	    --port-file "$T_DIR/tlsport" </dev/null >/dev/null 2>&1 &
	tls=$!
	i=0
	while [ ! -s "$T_DIR/tlsport" ] && [ $i -lt 300 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	printf 'sync ttrss https://127.0.0.1:%s/ admin\nsync-password-command "echo password"\n' \
	    "$(cat "$T_DIR/tlsport")" >"$T_DIR/tls.conf"
	T_RC=0
	"$TELEX" -d "$T_DIR/tls.db" -c "$T_DIR/tls.conf" sync >/dev/null \
	    2>"$T_DIR/err" || T_RC=$?
	t_status "a certificate that cannot be verified fails the sync" 2
	t_match "with one line saying so" "$(cat "$T_DIR/err")" \
	    "^telex: sync with https://127.0.0.1:[0-9]+/: cannot log in: .*certificate"
	kill $tls 2>/dev/null
	wait $tls 2>/dev/null
else
	t_skip "a certificate that cannot be verified fails the sync" "no openssl"
fi

# A first sync cut off by the server's death: the next one finishes it
# with nothing lost or doubled.
api subscribeToFeed "\"feed_url\":\"$T_URL/feed/pegel.xml\"" >/dev/null
ttrss_update "$TT"
TOTAL=$(srv_q "SELECT count(*) FROM ttrss_entries")
NEW=$T_DIR/cut.db
"$TELEX" -d "$NEW" -c "$CONF" sync >"$T_DIR/cut.out" 2>&1 &
pid=$!
i=0
while [ $i -lt 200 ] && [ "$("$TELEX" -d "$NEW" list -n 1000 2>/dev/null | wc -l)" -lt 1 ]; do
	sleep 0.02
	i=$((i + 1))
done
ttrss_web_stop "$TT"
wait $pid
sed "s/^/# cut off: /" "$T_DIR/cut.out"
ttrss_web_start "$TT"
txdb "$NEW" sync
t_status "the sync after one cut off" 0
txdb "$NEW" list -n 1000
t_eq "every article there once" "$(printf '%s\n' "$T_OUT" | wc -l)" "$TOTAL"

# rm unsubscribes on the server, import subscribes there.
tx sync
tx rm "$T_URL/feed/pegel.xml"
t_status "rm of a synced feed" 0
t_eq "the server unsubscribed" "$(srv_q "SELECT count(*) FROM ttrss_feeds
    WHERE feed_url = '$T_URL/feed/pegel.xml'")" 0
cat >"$T_DIR/subs.opml" <<EOF
<?xml version="1.0"?>
<opml version="2.0"><head><title>Rhein</title></head><body>
<outline text="Wasser" title="Wasser">
<outline type="rss" text="Pegel" xmlUrl="$T_URL/feed/pegel.xml"/>
</outline></body></opml>
EOF
tx import "$T_DIR/subs.opml"
t_status "import with a sync server" 0
t_eq "the server subscribed to the imported feed" "$(srv_q "SELECT count(*)
    FROM ttrss_feeds WHERE feed_url = '$T_URL/feed/pegel.xml'")" 1

# The reader opens and works with the server down.
ttrss_web_stop "$TT"
. "$TELEX_SRCDIR/tests/tui.sh"
start 100 30 -c "$CONF"
wait_for "the reader opens with the server down" "Harbour Evening Post"
keys R
wait_for "its poll says the sync failed, in one line" "sync failed; sync with"
ttrss_web_start "$TT"
keys R
wait_for "its poll syncs once the server is back" "synced: [0-9]+ new"
keys q
tm kill-server 2>/dev/null

t_done
