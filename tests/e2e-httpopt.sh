#!/bin/sh
# End-to-end tests of a feed's own HTTP options and the global ones
# against the loopback test server: basic auth with a password-command,
# a header, a user agent, a cookie file, a proxy, each failing with a
# clear reason without them; credentials kept out of the archive and
# everything shown; poll-interval, keep, archive and tags per feed;
# config errors named by file and line.
. "$(dirname "$0")/lib.sh"

ROOT=$T_DIR/www
CONF=$T_DIR/telex.conf
mkdir -p "$ROOT"

# rss FILE TITLE PREFIX "TITLE|TEXT" ...: a feed of the items given.
rss() {
	file=$1 title=$2 prefix=$3
	shift 3
	{
		printf '<?xml version="1.0" encoding="UTF-8"?>\n'
		printf '<rss version="2.0"><channel><title>%s</title>' "$title"
		printf '<link>https://%s.example/</link>\n' "$prefix"
		n=0
		for it in "$@"; do
			n=$((n + 1))
			printf '<item><title>%s</title>' "${it%%|*}"
			printf '<link>https://%s.example/%d</link>' "$prefix" "$n"
			printf '<guid>%s-%d</guid>' "$prefix" "$n"
			printf '<pubDate>Mon, %02d Nov 2026 08:00:00 GMT</pubDate>' \
			    "$n"
			printf '<description>%s</description></item>\n' "${it#*|}"
		done
		printf '</channel></rss>\n'
	} >"$ROOT/$file"
}

rss members.xml "Rowing Club Members" rowing \
    "Winter training starts on Monday|Ergometer sessions move to the boathouse loft." \
    "Annual dinner booked|The committee booked the Harbour Inn for the twelfth." \
    "Boat repairs finished|The coxless four is back on the water."
rss boletin.xml "Boletín de la Cooperativa" coop \
    "Asamblea general en diciembre|La asamblea se celebrará en el salón de actos." \
    "Nuevo horario de la tienda|La tienda abrirá los sábados por la mañana."
rss saa.xml "Saatiedote Kuopio" saa \
    "Pakkasta luvassa viikonloppuna|Yöllä lämpötila laskee kymmeneen asteeseen." \
    "Lunta tulee tiistaina|Lumisade alkaa iltapäivällä idästä."
rss gazette.xml "Stadtanzeiger" stadt \
    "Neue Buslinie zum Bahnhof|Die Linie 7 fährt ab Montag alle zehn Minuten." \
    "Markt zieht um|Der Wochenmarkt findet künftig am Rathausplatz statt."
rss river.xml "River Levels" river \
    "Gauge 1|Level normal." "Gauge 2|Level rising." "Gauge 3|Level high." \
    "Gauge 4|Level falling." "Gauge 5|Level normal." "Gauge 6|Level low."
SECRET=Lumi-Vesi-7731
printf '%s\n' "$SECRET" >"$ROOT/alice.password"
printf '%s\n' "$SECRET" >"$T_DIR/secret"

t_server "$ROOT"

# Basic auth: the 401 says what to set; the password comes from a
# command, and never lands anywhere telex writes or shows.
tx add --no-check "$T_URL/auth/alice/members.xml"
: >"$CONF"
tx -c "$CONF" poll
t_status "a feed behind basic auth fails without it" 3
t_match "the 401 says what to set" "$T_ERR" \
    "^telex: feed 1 \\(.*\\): 401 Unauthorized — the server wants a user name and password; set feed 1 auth basic USER and feed 1 password-command COMMAND"
cat >"$CONF" <<EOF
feed 1 auth basic alice
feed 1 password-command 'cat "$T_DIR/secret"'
EOF
tx -c "$CONF" poll 1
t_status "auth basic with a password-command polls the feed" 0
tx list feed:rowing
t_eq "its three items are stored" "$(printf '%s\n' "$T_OUT" | grep -c .)" 3
tx feeds
t_no_match "feeds does not show the password" "$T_OUT" "$SECRET"
tx feeds --json
t_no_match "feeds --json does not show the password" "$T_OUT" "$SECRET"
tx export
t_no_match "export does not hold the password" "$T_OUT" "$SECRET"
if cat "$T_DB"* | grep -aq "$SECRET"; then
	t_fail "the archive file and its WAL do not hold the password"
else
	t_ok "the archive file and its WAL do not hold the password"
fi
cat >"$CONF" <<EOF
feed 1 auth basic alice
feed 1 password-command 'echo Lumi-Vesi-0000'
EOF
tx -c "$CONF" poll 1
t_status "a wrong password fails the feed" 3
t_match "...saying the password was refused" "$T_ERR" \
    "401 Unauthorized — the server refused the user name and password; check the auth and password-command lines of feed 1"
cat >"$CONF" <<EOF
feed 1 auth basic alice
feed 1 password-command 'cat "$T_DIR/secret"; echo "no entry rss/club" >&2; exit 4'
EOF
tx -c "$CONF" poll 1
t_status "a failing password-command fails the feed" 3
t_match "...with the command's status and error line" "$T_ERR" \
    "^telex: feed 1 \\(.*\\): password-command: \".*\" ended with status 4: no entry rss/club — fix the feed's lines in the config file"
t_no_match "...never its output" "$T_ERR" "$SECRET"
tx feeds --json
t_match "feeds keeps the command's failure as the error" "$T_OUT" \
    '"error":"password-command: .*status 4'
t_no_match "...without the password" "$T_OUT" "$SECRET"

# A header the server wants, and basic auth and Authorization headers
# that must not follow a redirect to another host.
tx add --no-check "$T_URL/need-header/boletin.xml?h=X-Coop-Key:c0op-88"
tx -c "$CONF" poll 2
t_status "a feed that wants a header fails without it" 3
t_match "...with the server's reason" "$T_ERR" \
    '^telex: feed 2 \(.*\): 403 Forbidden'
cat >"$CONF" <<EOF
feed 2 header 'X-Coop-Key: c0op-88'
feed 2 header 'Accept-Language: es'
feed 2 tags cooperativa socios
EOF
tx -c "$CONF" poll 2
t_status "feed N header sends it" 0
tx list tag:cooperativa
t_eq "feed N tags tags the feed's new items" \
    "$(printf '%s\n' "$T_OUT" | grep -c .)" 2
tx list tag:socios
t_eq "...with every tag given" "$(printf '%s\n' "$T_OUT" | grep -c .)" 2
tx list tag:cooperativa feed:rowing
t_eq "...and no other feed's items" "$T_OUT" ""

tx add --no-check "$T_URL/away/gazette.xml?port=$T_PORT"
cat >"$CONF" <<EOF
feed 3 auth basic alice
feed 3 password-command 'cat "$T_DIR/secret"'
feed 3 header 'Authorization: Bearer stadt-token'
feed 3 header 'Cookie: visit=1'
EOF
tx -c "$CONF" poll 3
t_status "credentials are not sent on to another host" 0
tx list feed:stadtanzeiger
t_eq "...and the redirected feed is stored" \
    "$(printf '%s\n' "$T_OUT" | grep -c .)" 2

# A user agent, per feed and for all.
tx add --no-check "$T_URL/need-ua/saa.xml?ua=Saa-lukija/2.0"
: >"$CONF"
tx -c "$CONF" poll 4
t_status "a feed that wants another user agent fails" 3
t_match "...saying why" "$T_ERR" '^telex: feed 4 .*403 Forbidden'
printf 'feed 4 user-agent Saa-lukija/2.0\n' >"$CONF"
tx -c "$CONF" poll 4
t_status "feed N user-agent sends it" 0
rss saa.xml "Saatiedote Kuopio" saa \
    "Pakkasta luvassa viikonloppuna|Yöllä lämpötila laskee." \
    "Lunta tulee tiistaina|Lumisade alkaa." "Tuulista|Myrskyvaroitus."
printf 'set user-agent Saa-lukija/2.0\n' >"$CONF"
tx -c "$CONF" poll 4
t_status "set user-agent sends it for every feed" 0
printf 'set user-agent Other/1\nfeed "Saatiedote*" user-agent Saa-lukija/2.0\n' \
    >"$CONF"
rss saa.xml "Saatiedote Kuopio" saa "Sumua|Aamulla sumua."
tx -c "$CONF" poll 4
t_status "a feed's user-agent (by title glob) wins over set user-agent" 0

# A cookie from a Netscape cookie file.
printf '# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\tk7x9q\n' \
    >"$T_DIR/cookies.txt"
tx add --no-check "$T_URL/need-cookie/river.xml?c=session=k7x9q"
: >"$CONF"
tx -c "$CONF" poll 5
t_status "a feed that wants a cookie fails without it" 3
t_match "...saying why" "$T_ERR" '^telex: feed 5 .*403 Forbidden'
printf 'feed 5 cookie-file "%s/nocookies.txt"\n' "$T_DIR" >"$CONF"
tx -c "$CONF" poll 5
t_status "a cookie file that cannot be read fails the feed" 3
t_match "...saying which and why" "$T_ERR" \
    "^telex: feed 5 .*cannot read the cookie file .*nocookies.txt: No such file"
printf 'feed 5 cookie-file "%s/cookies.txt"\nfeed 5 keep 2\n' "$T_DIR" \
    >"$CONF"
tx -c "$CONF" poll 5
t_status "feed N cookie-file sends its cookie" 0
tx list feed:river
t_eq "feed N keep 2 keeps that feed's newest two" \
    "$(printf '%s\n' "$T_OUT" | cut -f5 | tr '\n' ' ')" "Gauge 6 Gauge 5 "
tx list feed:rowing
t_eq "...and leaves the other feeds alone" \
    "$(printf '%s\n' "$T_OUT" | grep -c .)" 3
printf 'feed 5 keep 1\n' >"$CONF"
tx -c "$CONF" stats
t_match "stats says what a feed's keep would prune" "$T_OUT" \
    '^retention: 1 item .* to prune at the next poll$'
printf 'set cookie-file "%s/cookies.txt"\n' "$T_DIR" >"$CONF"
tx -c "$CONF" poll 5
t_status "set cookie-file sends it for every feed" 0

# A proxy: the server answers absolute-form requests for any host, so a
# made-up host is reached only through it.
tx add --no-check "http://proxied.invalid/feed/gazette.xml"
: >"$T_LOG"
printf 'feed 6 proxy http://127.0.0.1:%s\n' "$T_PORT" >"$CONF"
tx -c "$CONF" poll 6
t_status "feed N proxy fetches through the proxy" 0
t_match "...which saw the absolute-form request" "$(cat "$T_LOG")" \
    '^GET http://proxied.invalid/feed/gazette.xml HTTP/1.1	200'
printf 'set proxy http://127.0.0.1:%s\nfeed 2 proxy none\n' "$T_PORT" \
    >"$CONF"
printf 'feed 2 header "X-Coop-Key: c0op-88"\n' >>"$CONF"
: >"$T_LOG"
tx -c "$CONF" poll 6 2
t_status "set proxy for all, proxy none for one" 0
t_match "...the one through the proxy" "$(cat "$T_LOG")" \
    '^GET http://proxied.invalid/'
t_match "...the other directly" "$(cat "$T_LOG")" '^GET /need-header/'
printf 'feed 6 proxy http://127.0.0.1:1\n' >"$CONF"
tx -c "$CONF" poll 6
t_status "a proxy that cannot be reached fails the feed" 3
t_match "...saying it is the proxy" "$T_ERR" \
    '^telex: feed 6 .*cannot connect to the proxy 127.0.0.1 port 1'

# poll-interval: telex poll skips a feed that is not due, the named one
# is always polled.
printf 'feed 4 poll-interval 2h\nfeed 4 user-agent Saa-lukija/2.0\n' >"$CONF"
printf 'feed 5 cookie-file "%s/cookies.txt"\n' "$T_DIR" >>"$CONF"
printf 'feed 1 auth basic alice\nfeed 1 password-command "cat %s/secret"\n' \
    "$T_DIR" >>"$CONF"
printf 'feed 2 header "X-Coop-Key: c0op-88"\nfeed 6 proxy http://127.0.0.1:%s\n' \
    "$T_PORT" >>"$CONF"
: >"$T_LOG"
tx -c "$CONF" poll
t_status "a poll of every feed works" 0
t_match "...saying one is not due" "$T_OUT" \
    '^polled [0-9] feeds: .* \(1 not due by their poll-interval\)$'
t_no_match "...which is not fetched" "$(cat "$T_LOG")" 'need-ua'
tx -c "$CONF" poll 4
t_match "telex poll FEED polls it anyway" "$T_OUT" '^polled 1 feed'
t_match "...fetching it" "$(cat "$T_LOG")" 'need-ua'

# archive yes|no, and archive-feed as before.
cat >"$ROOT/page.html" <<'HTML'
<!DOCTYPE html>
<html><head><title>Trainingsplan</title></head><body>
<article><h1>Neuer Trainingsplan für den Winter</h1>
<p>Ab der kommenden Woche trainiert die erste Mannschaft dienstags und
donnerstags in der Halle am Stadtpark, jeweils von achtzehn bis zwanzig Uhr.</p>
<p>Die Jugendabteilung bleibt beim Samstagstraining auf dem Kunstrasen,
solange kein Schnee liegt; danach geht es in die Schulsporthalle.</p>
</article></body></html>
HTML
printf '<?xml version="1.0"?><rss version="2.0"><channel><title>Vereinsnachrichten</title><item><title>Trainingsplan</title><link>%s/feed/page.html</link><guid>verein-1</guid></item></channel></rss>\n' \
    "$T_URL" >"$ROOT/verein.xml"
tx add --no-check "$T_URL/feed/verein.xml"
printf 'archive-feed 7\nfeed 7 archive no\n' >"$CONF"
tx -c "$CONF" poll 7
t_no_match "feed N archive no overrides an archive-feed line" "$T_OUT" \
    '^archived'
tx list is:archived
t_eq "...nothing is archived" "$T_OUT" ""
printf '<?xml version="1.0"?><rss version="2.0"><channel><title>Vereinsnachrichten</title><item><title>Trainingsplan 2</title><link>%s/feed/page.html?2</link><guid>verein-2</guid></item></channel></rss>\n' \
    "$T_URL" >"$ROOT/verein.xml"
printf 'feed Vereinsnachrichten archive yes\n' >"$CONF"
sleep 1	# the new item is one first stored after this poll began
tx -c "$CONF" poll 7
t_match "feed N archive yes archives the new item's page" "$T_OUT" \
    '^archived 1 page: 1 new'
tx list is:archived
t_match "...which is archived" "$T_OUT" 'Trainingsplan 2'

# Config errors name the file and line.
printf 'set timeout 5\nfeed 1 colour blue\n' >"$CONF"
tx -c "$CONF" poll
t_status "an unknown feed option stops the poll" 1
t_match "...naming the file, line and option" "$T_ERR" \
    "telex.conf, line 2: feed: unknown option \"colour\""
printf 'feed 1 poll-interval soon\n' >"$CONF"
tx -c "$CONF" poll
t_status "a bad poll-interval stops the poll" 1
t_match "...saying what it wants" "$T_ERR" \
    'telex.conf, line 1: feed: poll-interval wants a time such as 30m'
printf 'feed 1 header NoColon\n' >"$CONF"
tx -c "$CONF" poll
t_match "a header without a colon is refused" "$T_ERR" \
    "telex.conf, line 1: feed: header wants one quoted 'Name: value'"
printf 'feed 1 auth digest alice\n' >"$CONF"
tx -c "$CONF" poll
t_match "auth other than basic is refused" "$T_ERR" \
    'line 1: feed: auth knows only basic'
printf 'feed 7 archive maybe\n' >"$CONF"
tx -c "$CONF" poll
t_match "archive wants yes or no" "$T_ERR" 'line 1: feed: archive wants yes or no'
printf 'feed 5 keep forever\n' >"$CONF"
tx -c "$CONF" poll
t_match "keep wants an age or a count" "$T_ERR" 'line 1: feed: keep wants an age'
printf 'feed "No Such Club" tags x\n' >"$CONF"
tx -c "$CONF" poll 7
t_status "a feed line naming no feed makes poll exit 3" 3
t_match "...naming the line" "$T_ERR" \
    'telex.conf, line 1: feed: no feed "No Such Club"; telex feeds lists them'

# A password in the URL: add warns, and it is masked wherever shown.
tx add --no-check "http://bob:hunter2@127.0.0.1:$T_PORT/status/404"
t_status "add takes a URL with a password" 0
t_match "...shows it masked" "$T_OUT" \
    "^added feed 8: untitled \\(http://bob:\\*\\*\\*@127.0.0.1:$T_PORT/status/404\\)"
t_match "...and warns, suggesting a password-command" "$T_ERR" \
    'holds a password.*feed 8 password-command'
: >"$CONF"
tx -c "$CONF" poll 8
t_match "a poll error shows the URL masked" "$T_ERR" \
    '^telex: feed 8 \(http://bob:\*\*\*@127'
tx feeds
t_match "feeds masks it" "$T_OUT" 'bob:\*\*\*@'
t_no_match "...never showing it" "$T_OUT" hunter2
tx feeds --json
t_no_match "feeds --json never shows it" "$T_OUT" hunter2
tx export
t_no_match "export never holds it" "$T_OUT" hunter2
tx export --urls
t_match "export --urls masks it" "$T_OUT" 'bob:\*\*\*@'
t_no_match "...never holding it" "$T_OUT" hunter2
tx rm 8
t_no_match "rm never shows it" "$T_OUT" hunter2

t_done
