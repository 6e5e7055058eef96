#!/bin/sh
# Hostile servers and documents: each fails its own feed with a clear
# reason, within the poller's limits, while the good feeds of the same
# poll are stored; nothing is expanded, read from disk or crashes.
. "$(dirname "$0")/lib.sh"

DATA=$TELEX_SRCDIR/tests/data
ROOT=$T_DIR/www
mkdir -p "$ROOT"
cp "$DATA/port-news.xml" "$ROOT/good.xml"
printf 'This is not XML at all, just a note.\n' >"$ROOT/note.txt"
cat >"$ROOT/bomb.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
]>
<rss version="2.0"><channel><title>Laughs</title>
<item><title>Bomb &g;</title><guid>bomb-1</guid></item>
</channel></rss>
XML
cat >"$ROOT/xxe.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<rss version="2.0"><channel><title>Outside</title>
<item><title>Leak &secret; here</title><guid>xxe-1</guid></item>
</channel></rss>
XML
"$PYTHON3" - "$ROOT" <<'PY'
import sys
root = sys.argv[1]
with open(root + "/deep.xml", "w") as f:
    f.write('<rss version="2.0"><channel><title>Deep</title>'
            '<item><title>Above the pit</title><guid>deep-1</guid></item>'
            '<item><title>Pit</title><guid>deep-2</guid><description>')
    f.write("<div>" * 100000 + "bottom" + "</div>" * 100000)
    f.write("</description></item></channel></rss>\n")
with open(root + "/deep.json", "w") as f:
    f.write('{"version": "https://jsonfeed.org/version/1.1", '
            '"title": "Pozo", "items": ['
            '{"id": "pozo-1", "title": "Antes del pozo"}, '
            '{"id": "pozo-2", "title": "El pozo", "_x": ')
    f.write("[" * 100000 + "]" * 100000)
    f.write('}, {"id": "pozo-3", "title": "Número", '
            '"content_text": 1e999999, "date_published": -0.0e-99999}]}\n')
with open(root + "/many.xml", "w") as f:
    f.write('<rss version="2.0"><channel><title>Firehose</title>\n')
    for i in range(200000):
        f.write("<item><title>Tick %d</title><guid>t%d</guid></item>\n" % (i, i))
    f.write("</channel></rss>\n")
PY
t_server "$ROOT"

add() { tx add --no-check "$T_URL/$1"; }
add feed/good.xml			# 1
add status/401				# 2
add status/403				# 3
add loop				# 4
add to-file				# 5
add gzip-bomb				# 6
add bad-chunked				# 7
add lying-length			# 8
add fat-headers				# 9
add feed/note.txt			# 10
add feed/bomb.xml			# 11
add feed/xxe.xml			# 12
add feed/deep.xml			# 13
add feed/many.xml			# 14
add "big?mb=40"				# 15
add feed/deep.json			# 16

tx poll
t_status "a poll of hostile feeds exits 3" 3
t_match "the good feed is stored" "$(tx list feed:good.xml; echo "$T_OUT")" \
    'Night ferry returns'
failed() { printf '%s\n' "$T_ERR" | grep "^telex: feed $1 (" ; }
tx poll 2 3 4 5 6 7 8 9 10 15
t_match "401 says so" "$(failed 2)" '401 Unauthorized'
t_match "403 says so" "$(failed 3)" '403 Forbidden'
t_match "a redirect loop is cut" "$(failed 4)" 'more than 5 redirects'
t_match "a redirect to file:// is refused" "$(failed 5)" 'file://'
t_match "a gzip bomb stops at the body limit" "$(failed 6)" '32 MiB'
t_match "broken chunked encoding fails" "$(failed 7)" 'connection broke'
t_match "a lying Content-Length fails" "$(failed 8)" 'connection broke after 100 bytes'
t_eq "100 KB of headers are read: no failure" "$(failed 9)" ""
t_match "...and the feed behind them is stored" \
    "$("$TELEX" -d "$T_DB" feeds)" "^9	$T_URL/fat-headers	Fat	"
t_match "a body that is not XML is not a feed" "$(failed 10)" 'not a feed|not XML'
t_match "a body over the limit fails" "$(failed 15)" '32 MiB'

tx list --json feed:bomb
t_match "an entity bomb is not expanded" "$T_OUT" '"title":"Bomb'
t_no_match "no entity text was multiplied" "$T_OUT" 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
tx list --json feed:xxe
t_no_match "an external entity reads nothing" "$T_OUT" 'root:'
t_match "the feed with an external entity is still read" "$T_OUT" '"guid":"xxe-1"'
tx list feed:deep
t_match "100,000 nested elements do not break the feed" "$T_OUT" 'Above the pit'
tx poll 16
t_status "a JSON Feed nested 100,000 deep fails as damaged" 3
t_match "...saying where it broke" "$T_ERR" \
    '^telex: feed 16 .*the feed is damaged: the feed is broken in item 2: .*nested too deeply'
tx list feed:Pozo
t_eq "...keeping the item before the pit" "$T_OUT" \
    "$(printf '%s\n' "$T_OUT" | grep 'Antes del pozo')"
t_match "...which is stored" "$T_OUT" 'Antes del pozo'
tx list feed:many.xml
t_eq "a feed of 200,000 items is stored whole" \
    "$(printf '%s\n' "$T_OUT" | wc -l)" 200000
tx check
t_status "the archive is whole after the hostile poll" 0

# A server that sends one byte a second for 30 s: with the low-speed time
# of the configuration at 2 s that feed fails, saying so, while the good
# feed polled beside it is stored.  The reason can only be given by the
# low-speed limit cutting the transfer short (the whole poll's timeout
# or the server's end would say something else); how fast is for
# tests/bench/, never a limit here.
cp "$DATA/bergblick.xml" "$ROOT/beside.xml"
printf 'set poll-low-speed-time 2\nset poll-timeout 20\n' >"$T_DIR/slow.conf"
id_of() { printf '%s\n' "$T_OUT" | sed -n 's/^added feed \([0-9]*\).*/\1/p'; }
add "drip?n=30"
drip=$(id_of)
add feed/beside.xml
beside=$(id_of)
tx -c "$T_DIR/slow.conf" poll "$drip" "$beside"
t_status "a poll beside a one-byte-a-second server exits 3" 3
t_match "the slow feed is given up by the low-speed limit" \
    "$(failed "$drip")" ': the server sent less than 10 bytes/s for 2 s —'
t_match "the feed beside the slow one is stored" \
    "$(tx list feed:beside.xml; echo "$T_OUT")" 'Erster Schnee'
printf 'set poll-timeout soon\n' >"$T_DIR/bad.conf"
tx -c "$T_DIR/bad.conf" poll "$beside"
t_status "a bad poll-timeout is a usage error" 1
t_match "a bad poll-timeout names its line" "$T_ERR" \
    'bad.conf, line 1: set poll-timeout wants a number of seconds'

# Feeds that are programs, behaving badly: a command that hangs, one
# that floods, one that fails with words, one that writes garbage, one
# that crashes and one that leaves a child running.  Each fails alone
# (or, the last, is read) within the limits, the feed beside them is
# stored, and nothing they started is left running after the poll.
printf 'set poll-timeout 3\n' >"$T_DIR/exec.conf"
running() {
	[ -n "$1" ] && kill -0 "$1" 2>/dev/null &&
	    ! grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null
}
add_exec() { tx add --no-check "exec:$1"; id_of; }
hang=$(add_exec "echo \$\$ >$T_DIR/hang.pid; sleep 60; echo")
flood=$(add_exec "yes '<item><title>flood</title></item>'")
loud=$(add_exec "echo 'upstream said: 503 try later' >&2; exit 75")
garbage=$(add_exec "head -c 65536 /dev/urandom")
crash=$(add_exec "kill -SEGV \$\$")
forks=$(add_exec "sleep 60 & echo \$! >$T_DIR/child.pid; cat $DATA/bergblick.xml")
tx -c "$T_DIR/exec.conf" poll "$hang" "$flood" "$loud" "$garbage" "$crash" \
    "$forks" "$beside"
t_status "a poll of misbehaving commands exits 3" 3
t_match "a hanging command is stopped at the time limit" "$(failed "$hang")" \
    ': the command ran longer than 3 s and was stopped — fix the command or remove it with telex rm '
running "$(cat "$T_DIR/hang.pid" 2>/dev/null)" &&
    t_fail "...and is not running any more" ||
    t_ok "...and is not running any more"
t_match "a flood stops at the size limit" "$(failed "$flood")" \
    ': the command wrote more than 32 MiB and was stopped'
t_match "a non-zero exit gives the status and standard error" \
    "$(failed "$loud")" ': the command exited with status 75: upstream said: 503 try later —'
t_match "garbage is not a feed" "$(failed "$garbage")" \
    'check that the command writes a feed \(RSS or Atom\), or remove it with telex rm '
t_match "a crash fails only its feed" "$(failed "$crash")" \
    ': the command was killed by signal 11'
t_eq "a command that leaves a child running is read" "$(failed "$forks")" ""
running "$(cat "$T_DIR/child.pid" 2>/dev/null)" &&
    t_fail "...and its child is stopped with it" ||
    t_ok "...and its child is stopped with it"
tx list feed:bergblick
t_eq "the feed beside the commands is stored, and the one read" \
    "$(printf '%s\n' "$T_OUT" | wc -l)" 4

# A self-signed certificate: verification fails and says so.
if command -v openssl >/dev/null 2>&1; then
	openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 \
	    -keyout "$T_DIR/key.pem" -out "$T_DIR/cert.pem" >/dev/null 2>&1
	"$PYTHON3" "$TELEX_SRCDIR/tests/httpd.py" --root "$ROOT" \
	    --tls-cert "$T_DIR/cert.pem" --tls-key "$T_DIR/key.pem" \
	    --port-file "$T_DIR/tlsport" </dev/null >/dev/null 2>&1 &
	tls=$!
	i=0
	while [ ! -s "$T_DIR/tlsport" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
	tx add --no-check "https://127.0.0.1:$(cat "$T_DIR/tlsport")/feed/good.xml"
	id=$(printf '%s\n' "$T_OUT" | sed -n 's/^added feed \([0-9]*\).*/\1/p')
	tx poll "$id"
	t_match "a self-signed certificate is refused and said so" \
	    "$(failed "$id")" 'certificate'
	kill $tls 2>/dev/null
	wait $tls 2>/dev/null
else
	t_skip "a self-signed certificate is refused and said so" "no openssl"
fi
t_done
