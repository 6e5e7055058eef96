#!/bin/sh
# make bench-sync: telex sync against a private Tiny Tiny RSS
# (tests/ttrss.sh) holding ARTICLES (10,000) articles with content, 500
# of them unread, 50 starred and three labels.  Prints, for a first
# sync, a sync with nothing new, and a sync sending 1,000 read marks, the
# requests made and the time, the server's apart from telex's own.
#
#   sh tests/bench/bench-sync.sh [TELEX]
set -u
TELEX=${1:-$(pwd)/telex}
TELEX_SRCDIR=$(cd "$(dirname "$0")/../.." && pwd)
ARTICLES=${ARTICLES:-10000}
. "$TELEX_SRCDIR/tests/ttrss.sh"

why=$(ttrss_missing)
if [ -n "$why" ]; then
	echo "bench-sync: cannot run: $why (./bootstrap check installs it as root)"
	exit 1
fi
DIR=$(mktemp -d "${TMPDIR:-/tmp}/tsb.XXXXXX")
chmod 755 "$DIR"
trap 'ttrss_stop "$DIR/tt"; rm -rf "$DIR"' EXIT
ttrss_start "$DIR/tt" || { echo "bench-sync: the server did not start"; exit 1; }
sql() {
	ttrss_as "$TTRSS_PGBIN/psql" -q -X -t -A -v ON_ERROR_STOP=1 \
	    -h "$DIR/tt" -p "$(cat "$DIR/tt/pgport")" -U ttrss -d ttrss -c "$1"
}

# The articles go straight into the server's tables: its own feed
# fetching of 10,000 items is not what is measured here.
sql "INSERT INTO ttrss_feeds (owner_uid, title, feed_url)
    VALUES (1, 'Harbour Wire', 'https://wire.example/feed.xml')"
sql "INSERT INTO ttrss_entries (title, guid, link, updated, content,
    content_hash, date_entered, date_updated, author)
    SELECT 'Dispatch ' || i || ': tides, ferries and the fish market',
    '{\"ver\":2,\"uid\":1,\"hash\":\"SHA1:' || md5(i::text) || '\"}',
    'https://wire.example/' || i, now() - i * interval '1 minute',
    '<p>Dispatch ' || i || ' from the harbour wire.</p><p>' ||
    repeat('The morning ferry left the north pier on time and the fish '
    || 'market opened with herring, mackerel and cod. ', 8) || '</p>',
    'SHA1:' || md5(i::text), now(), now(), 'Wire desk'
    FROM generate_series(1, $ARTICLES) i"
sql "INSERT INTO ttrss_user_entries (ref_id, uuid, feed_id, owner_uid,
    tag_cache, label_cache, unread, marked)
    SELECT id, '', (SELECT id FROM ttrss_feeds LIMIT 1), 1, '', '',
    id % 20 = 0, id % 200 = 7 FROM ttrss_entries"
sql "INSERT INTO ttrss_labels2 (owner_uid, caption) VALUES
    (1, 'ferries'), (1, 'markets'), (1, 'weather')"
sql "INSERT INTO ttrss_user_labels2 (label_id, article_id)
    SELECT l.id, e.id FROM ttrss_labels2 l, ttrss_entries e
    WHERE e.id % 97 = l.id"
unread=$(sql "SELECT count(*) FROM ttrss_user_entries WHERE unread")
starred=$(sql "SELECT count(*) FROM ttrss_user_entries WHERE marked")
printf 'server: %s articles with content, %s unread, %s starred, 3 labels\n' \
    "$ARTICLES" "$unread" "$starred"

cat >"$DIR/config" <<EOF
sync ttrss $TTRSS_URL admin
sync-password-command 'echo password'
EOF
run() {
	"$TELEX" -d "$DIR/archive.db" -c "$DIR/config" sync >"$DIR/out" ||
	    { echo "bench-sync: telex sync failed"; exit 1; }
	sed -n 's/.*: \([0-9]*\) feeds, \([0-9]*\) new items, \([0-9]*\) changes sent (\([0-9]*\) requests, \([0-9.]*\) s, \([0-9.]*\) s.*/\2 \3 \4 \5 \6/p' "$DIR/out"
}
report() {	# NAME NEW SENT REQUESTS SECONDS SERVER
	ours=$(echo "$5 $6" | awk '{ printf "%.2f", $1 - $2 }')
	rate=$(echo "$2 $5 $6" | awk '{ d = $2 - $3; if (d <= 0) d = 0.001;
	    printf "%.0f", $1 / d }')
	printf '%-28s %6s new %5s sent %4s requests %7.2f s (server %5.2f s, telex %5.2f s)' \
	    "$1" "$2" "$3" "$4" "$5" "$6" "$ours"
	[ "$2" -gt 0 ] && printf ', %s items/s stored' "$rate"
	printf '\n'
}
# shellcheck disable=SC2046
report "first sync" $(run)
# shellcheck disable=SC2046
report "nothing new" $(run)
# 1,000 unread there, synced, then all read here: 1,000 marks to send.
sql "UPDATE ttrss_user_entries SET unread = (ref_id <= 1000)"
run >/dev/null
"$TELEX" -d "$DIR/archive.db" mark read is:unread >/dev/null
queued=$("$TELEX" -d "$DIR/archive.db" sync --status | sed -n 's/^queued changes: //p')
# shellcheck disable=SC2046
set -- $(run)
report "sending $queued read marks" "$@"
echo "targets: a first sync stores >= 2000 items/s on telex's side; nothing"
echo "new takes <= 10 requests and < 1 s; 1,000 read marks take <= 5 requests"
echo "more than nothing new"
