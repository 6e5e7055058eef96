#!/bin/sh
# Feeds that are programs: exec:COMMAND (the command's output is the
# feed) and filter:COMMAND:URL (the fetched body through the command),
# added, polled at once beside web feeds, failing alone with the
# command's own words; import keeps commands and local files out of a
# shared list unless asked.
. "$(dirname "$0")/lib.sh"

DATA=$TELEX_SRCDIR/tests/data
ALM=$DATA/exec-almanac.xml
ROOT=$T_DIR/www
mkdir -p "$ROOT"
cp "$DATA/exec-wetter.xml" "$ROOT/wetter.xml"
cp "$DATA/port-news.xml" "$ROOT/port.xml"
t_server "$ROOT"
CONF=$T_DIR/telex.conf
printf 'set poll-timeout 20\n' >"$CONF"
id_of() { printf '%s\n' "$T_OUT" | sed -n 's/^added feed \([0-9]*\).*/\1/p'; }
failed() { printf '%s\n' "$T_ERR" | grep "^telex: feed $1 (" ; }

# Adding: the command runs once, and its output must be a feed.
tx add "exec:cat $ALM"
t_status "add exec:COMMAND runs the command and subscribes" 0
t_match "add names the command's feed" "$T_OUT" \
    "^added feed 1: Almanaque do Porto \\(exec:cat .*/exec-almanac.xml\\)$"
tx add "exec:echo this is no feed"
t_status "add of a command whose output is no feed fails" 2
t_match "...and says what is wrong" "$T_ERR" \
    "^telex: exec:echo this is no feed: the command's output is not a feed"
tx add "exec:echo gone fishing >&2; exit 4"
t_match "add of a failing command gives its status and first words" \
    "$T_ERR" "^telex: cannot run exec:.*: the command exited with status 4: gone fishing; to subscribe anyway"
tx add "exec:   "
t_status "an empty command is a usage error" 1
t_match "...which says so" "$T_ERR" 'the command is empty'
tx add "filter:tr a-z A-Z"
t_status "a filter without a URL is a usage error" 1
t_match "...which shows the form" "$T_ERR" 'filter:COMMAND:URL'
cat >"$ROOT/trap.html" <<EOF
<!DOCTYPE html>
<html><head><title>Clube de leitura</title>
<link rel="alternate" type="application/rss+xml" title="Notícias"
 href="exec:touch $T_DIR/trapped; cat $ALM">
</head><body><p>Bem-vindos.</p></body></html>
EOF
tx add "$T_URL/feed/trap.html"
t_status "a web page announcing an exec: feed is not subscribed" 2
t_eq "...and the command it names never runs" \
    "$(ls "$T_DIR/trapped" 2>/dev/null)" ""
FILTER="filter:echo run >>$T_DIR/runs; sed s/Wetterwarte/Wetterstation/:$T_URL/feed/wetter.xml"
tx add "$FILTER"
t_status "add filter:COMMAND:URL fetches, filters and subscribes" 0
t_match "the filtered feed's title is the command's output" "$T_OUT" \
    '^added feed 2: Wetterstation Hochalm \(filter:'
tx add --no-check "exec:printf 'almanac: the source went away\\nsecond line\\n' >&2; exit 2"
bad=$(id_of)
tx add --no-check "$T_URL/feed/port.xml"
web=$(id_of)

tx -c "$CONF" poll
t_status "a poll with a failing command exits 3" 3
t_match "the summary counts it" "$T_OUT" '^polled 4 feeds: 8 new, 0 unchanged, 1 failed$'
t_match "a failing command: its status, its first line, what to do" \
    "$(failed "$bad")" "^telex: feed $bad \\(exec:printf .*\\): the command exited with status 2: almanac: the source went away — fix the command or remove it with telex rm $bad$"
tx list feed:almanaque
t_eq "the command's items are stored" "$(printf '%s\n' "$T_OUT" | wc -l)" 3
t_match "...in several languages" "$T_OUT" 'Maré viva traz água ao cais da Ribeira'
tx list --json feed:wetterstation
t_match "the filter's items are stored" "$T_OUT" '"title":"山小屋からの便り：初雪の朝"'
t_match "...cleaned like any feed's" "$(tx show "$(printf '%s\n' "$T_OUT" |
    sed -n 's/^{"id":\([0-9]*\),.*Neuschnee.*/\1/p')"; echo "$T_OUT")" \
    'vierzig Zentimeter Neuschnee'
tx list feed:port.xml
t_match "the web feed beside them is stored" "$T_OUT" 'Night ferry returns'

tx feeds
t_match "feeds marks a command feed" "$T_OUT" \
    "^1	exec:cat [^	]*	Almanaque do Porto	3	3	ok	exec$"
t_match "feeds marks a filter feed" "$T_OUT" \
    "^2	filter:[^	]*	Wetterstation Hochalm	2	2	ok	filter$"
t_match "feeds keeps a command's failure" "$T_OUT" \
    "^$bad	exec:[^	]*		0	0	failing: the command exited with status 2: almanac: the source went away	exec$"
t_match "feeds marks a web feed" "$T_OUT" "^$web	$T_URL/feed/port.xml	.*	ok	http$"
tx feeds --json
t_match "feeds --json gives the kind" "$T_OUT" \
    '^\{"id":1,"url":"exec:cat [^"]*","kind":"exec",'
t_match "feeds --json: filter" "$T_OUT" \
    '^\{"id":2,"url":"filter:[^"]*","kind":"filter",'

# A filter's fetch keeps its conditional GET: a 304 runs nothing.
runs=$(wc -l <"$T_DIR/runs")
tx -c "$CONF" poll 2
t_status "a filter feed polls again" 0
t_match "...with a conditional GET answered 304" "$(tail -n 1 "$T_LOG")" \
    '^GET /feed/wetter.xml HTTP/1.1	304	"'
t_eq "...and a 304 runs no command" "$(wc -l <"$T_DIR/runs")" "$runs"
touch "$ROOT/wetter.xml"
sleep 1
touch "$ROOT/wetter.xml"
tx -c "$CONF" poll 2
t_eq "a changed body runs the command again" "$(wc -l <"$T_DIR/runs")" \
    $((runs + 1))

# A filter whose URL moved for good keeps its command.
tx add --no-check "filter:cat:$T_URL/redirect301/wetter.xml"
moved=$(id_of)
tx -c "$CONF" poll "$moved"
tx feeds --json
t_match "a permanent redirect moves a filter's URL, not its command" \
    "$T_OUT" "^\\{\"id\":$moved,\"url\":\"filter:cat:$T_URL/feed/wetter.xml\","

# A filter's fetch is a fetch like any other: no redirect to a file.
tx add --no-check "filter:cat:$T_URL/to-file"
tofile=$(id_of)
tx -c "$CONF" poll "$tofile"
t_match "a filter's URL redirected to file:// is refused" "$(failed "$tofile")" \
    ': redirected to a file:// URL, which telex does not follow'

# Commands run at once, beside the web transfers: two commands of 2 s
# and a web feed served in 2 s all overlap (from the times they wrote).
stamp() {
	printf 'exec:date +%%s.%%N >%s/%s.start; sleep 2; cat %s; date +%%s.%%N >%s/%s.end' \
	    "$T_DIR" "$1" "$2" "$T_DIR" "$1"
}
tx add --no-check "$(stamp one "$ALM")"
one=$(id_of)
tx add --no-check "$(stamp two "$DATA/exec-wetter.xml")"
two=$(id_of)
tx add --no-check "$T_URL/slow/port.xml?s=2"
slow=$(id_of)
tx -c "$CONF" poll "$one" "$two" "$slow"
t_status "two slow commands and a slow web feed are polled" 0
overlap=$("$PYTHON3" - "$T_DIR" "$T_LOG" <<'PY'
import sys
d, log = sys.argv[1], sys.argv[2]
starts = [float(open("%s/%s.start" % (d, n)).read()) for n in ("one", "two")]
ends = [float(open("%s/%s.end" % (d, n)).read()) for n in ("one", "two")]
for line in open(log):
    f = line.rstrip("\n").split("\t")
    if f[0].startswith("GET /slow/port.xml"):
        starts.append(float(f[4]))
        ends.append(float(f[5]))
print("overlap" if len(starts) == 3 and max(starts) < min(ends) else
      "apart: %s %s" % (starts, ends))
PY
)
t_eq "...at the same time, not one after another" "$overlap" overlap

# The command gets none of telex's descriptors: only its pipes (dash
# keeps a copy of one at 10 while it redirects).
if [ -d /proc/self/fd ]; then
	tx add --no-check "exec:ls -l /proc/\$\$/fd >$T_DIR/fds; cat $ALM"
	fds=$(id_of)
	exec 7>"$T_DIR/held"
	tx -c "$CONF" poll "$fds" "$web"
	exec 7>&-
	t_status "a command listing its descriptors is polled" 0
	t_eq "...and has only its own" "$(awk '$(NF-1) == "->" &&
	    ($(NF-2) + 0 > 2 && $(NF-2) + 0 < 10 || $NF ~ /held|archive|socket/) {
	    print }' "$T_DIR/fds")" ""
else
	t_skip "a command listing its descriptors is polled" "no /proc"
	t_skip "...and has only its own" "no /proc"
fi

# An interrupted poll ends at once, and the commands it started with it.
running() {
	[ -n "$1" ] && kill -0 "$1" 2>/dev/null &&
	    ! grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null
}
tx add --no-check "exec:sleep 30 & echo \$! >$T_DIR/term.pid; sleep 30"
term=$(id_of)
"$TELEX" -d "$T_DB" -c "$CONF" poll "$term" >"$T_DIR/term.out" 2>&1 &
pid=$!
i=0
while [ ! -s "$T_DIR/term.pid" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
kill -TERM $pid
i=0
while running $pid && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
running $pid && t_fail "a poll told to stop ends before its command" ||
    t_ok "a poll told to stop ends before its command"
rc=0
wait $pid || rc=$?
t_eq "...with the signal's status" "$rc" 143
running "$(cat "$T_DIR/term.pid")" &&
    t_fail "...and what its command started is stopped" ||
    t_ok "...and what its command started is stopped"

# import: a shared list runs no command and reads no local file unless
# asked, and says what it skipped.
cat >"$T_DIR/shared.opml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Listas partilhadas</title></head><body>
<outline text="Notícias">
<outline type="rss" text="Porto" xmlUrl="$T_URL/feed/port.xml"/>
<outline type="rss" text="Segredos" xmlUrl="file:///etc/passwd"/>
<outline type="rss" text="Ajudante" xmlUrl="exec:cat $ALM"/>
<outline type="rss" text="Gritos" xmlUrl="filter:tr a-z A-Z:$T_URL/feed/wetter.xml"/>
<outline type="rss" text="Filtro local" xmlUrl="filter:cat:file://$DATA/exec-wetter.xml"/>
</outline></body></opml>
EOF
imp_urls() { "$TELEX" -d "$T_DIR/$1.db" feeds | cut -f2 | sort | tr '\n' ' '; }
imp_run() { db=$1; shift; T_RC=0
	"$TELEX" -d "$T_DIR/$db.db" import "$@" >"$T_DIR/out" 2>"$T_DIR/err" || T_RC=$?
	T_OUT=$(cat "$T_DIR/out"); T_ERR=$(cat "$T_DIR/err"); }
imp_run plain "$T_DIR/shared.opml"
t_status "import of a list with commands and local files succeeds" 0
t_match "it skips a file:// feed, saying why" "$T_OUT" \
    '^skipped file:///etc/passwd: it reads a local file; telex import --allow-local subscribes to such feeds$'
t_match "it skips an exec: feed, saying why" "$T_OUT" \
    '^skipped exec:cat [^ ]*exec-almanac.xml: it runs a command; telex import --allow-exec subscribes to such feeds$'
t_match "it skips a filter: feed" "$T_OUT" "^skipped filter:tr a-z A-Z:$T_URL/feed/wetter.xml: it runs a command"
t_match "the summary counts what was skipped" "$T_OUT" \
    '^imported 1 feeds \(1 new, 0 already subscribed\); 4 skipped$'
t_eq "only the web feed is subscribed" "$(imp_urls plain)" "$T_URL/feed/port.xml "
imp_run plain --allow-exec "$T_DIR/shared.opml"
t_match "--allow-exec subscribes the commands" "$T_OUT" \
    '^imported 3 feeds \(2 new, 1 already subscribed\); 2 skipped$'
t_match "...but not a filter of a local file" "$T_OUT" \
    "^skipped filter:cat:file://.*: it reads a local file"
imp_run plain --allow-exec --allow-local "$T_DIR/shared.opml"
t_match "both flags subscribe everything" "$T_OUT" \
    '^imported 5 feeds \(2 new, 3 already subscribed\)$'
imp_run local --allow-local "$T_DIR/shared.opml"
t_eq "--allow-local alone takes the file, no command" "$(imp_urls local)" \
    "file:///etc/passwd $T_URL/feed/port.xml "
cat >"$T_DIR/urls" <<EOF
# newsboat urls, with programs
$T_URL/feed/port.xml "~Porto" noticias
"exec:cat $ALM" almanaque "~Almanaque da casa"
"filter:tr a-z A-Z:$T_URL/feed/wetter.xml" tempo
file://$DATA/exec-wetter.xml tempo
EOF
imp_run urls "$T_DIR/urls"
t_match "a urls file's commands and files are skipped too" "$T_OUT" \
    '^imported 1 feeds \(1 new, 0 already subscribed\); 3 skipped$'
imp_run urls --allow-exec --allow-local "$T_DIR/urls"
t_match "...and taken when allowed" "$T_OUT" '^imported 4 feeds \(3 new'
"$TELEX" -d "$T_DIR/urls.db" feeds --json >"$T_DIR/urls.json"
t_match "an imported exec: feed keeps its title and tags" "$(cat "$T_DIR/urls.json")" \
    '"url":"exec:cat [^"]*","kind":"exec","title":"Almanaque da casa".*"tags":\["almanaque"\]'
t_done
