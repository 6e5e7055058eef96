#!/bin/sh
# A poll killed with SIGKILL at random moments leaves the archive whole:
# every page and the search index check out, no stored item is lost, and
# the next poll completes.  Also: one poll at a time, and a file size
# limit fails the poll cleanly.
. "$(dirname "$0")/lib.sh"

ROUNDS=${TELEX_CRASH_ROUNDS:-50}
FEEDS=$T_DIR/feeds
gen() {
	rm -rf "$FEEDS"
	"$PYTHON3" "$TELEX_SRCDIR/tests/bench/genfeeds.py" --feeds 12 \
	    --items 150 --seed "$1" --out "$FEEDS" >/dev/null
}
gen 1
for f in "$FEEDS"/*.xml; do
	echo "file://$f"
done >"$T_DIR/urls"
tx import --allow-local "$T_DIR/urls"
t_status "subscribe to the corpus" 0

count() {
	"$TELEX" -d "$T_DB" stats --json | sed 's/.*"items":\([0-9]*\).*/\1/'
}

# Each round writes new items (a new seed), so every kill lands in a
# transaction with some chance.
broken=0
shrunk=0
stuck=0
last=0
i=1
while [ $i -le "$ROUNDS" ]; do
	gen $((i + 100))
	"$TELEX" -d "$T_DB" poll >/dev/null 2>&1 &
	pid=$!
	sleep "0.$(( (i * 7919) % 9 ))$(( (i * 104729) % 10 ))"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	if ! "$TELEX" -d "$T_DB" check >"$T_DIR/check" 2>&1; then
		broken=$((broken + 1))
		# The first damage, said with the report's words.
		[ -s "$T_DIR/broken" ] || { echo "after kill $i:";
		    cat "$T_DIR/check"; } >"$T_DIR/broken"
	fi
	n=$(count)
	[ "$n" -ge "$last" ] || shrunk=$((shrunk + 1))
	last=$n
	i=$((i + 1))
done
if [ "$broken" -eq 0 ]; then
	t_ok "after $ROUNDS kills the archive always checks out"
else
	{ echo "$broken of $ROUNDS checks failed;"; cat "$T_DIR/broken"; } \
	    >"$T_DIR/why"
	t_fail "after $ROUNDS kills the archive always checks out" \
	    "$T_DIR/why"
fi
t_eq "no kill ever lost a stored item" "$shrunk" 0
before=$(count)
tx poll
t_status "the poll after the kills completes" 0
t_match "the poll says how many items are new" "$T_OUT" \
    '^polled 12 feeds: [0-9]+ new, '
new=$(printf '%s\n' "$T_OUT" | sed -n 's/^polled 12 feeds: \([0-9]*\) new, .*/\1/p')
t_eq "the last poll's new items are all stored" "$(count)" \
    "$((before + ${new:-0}))"
tx poll
t_match "...so a poll after it finds nothing new" "$T_OUT" \
    '^polled 12 feeds: 0 new, '
"$TELEX" -d "$T_DB" list --json >"$T_DIR/all"
dups=$("$PYTHON3" -c '
import json, sys
seen = set(); d = 0
for line in open(sys.argv[1]):
    r = json.loads(line)
    k = (r["feed_id"], r["guid"])
    d += k in seen
    seen.add(k)
print(d)' "$T_DIR/all")
t_eq "no item is stored twice" "$dups" 0
tx check
t_match "telex check says the archive is whole" "$T_OUT" '^archive ok: 12 feeds'

# One poll at a time: the first poll holds its lock while it reads a feed
# from a named pipe, until the test writes the feed into it and closes it.
mkfifo "$T_DIR/held.xml"
exec 3<>"$T_DIR/held.xml"
tx add --no-check "file://$T_DIR/held.xml" 3>&-
held=$(printf '%s\n' "$T_OUT" | sed -n 's/^added feed \([0-9]*\).*/\1/p')
# The first poll reads only the held feed, so that it reaches the pipe
# at once however busy the machine is.
"$TELEX" -d "$T_DB" poll "$held" >/dev/null 2>&1 3>&- &
first=$!
i=0
while [ $i -lt 300 ] &&
    ! ls -l /proc/$first/fd 2>/dev/null | grep -q held.xml; do
	sleep 0.1
	i=$((i + 1))
done
t_eq "the first poll reads the held feed" "$(ls -l /proc/$first/fd 2>/dev/null |
    grep -c held.xml)" 1
tx poll 1 3>&-
t_status "a second poll while the first runs fails" 2
t_match "it says another poll is running" "$T_ERR" \
    "another telex \\(process $first\\) is polling this archive"
"$TELEX" -d "$T_DB" poll --wait 1 >/dev/null 2>&1 3>&- &
second=$!
sleep 0.5
kill -0 $second 2>/dev/null && t_ok "poll --wait waits while the first runs" ||
    t_fail "poll --wait waits while the first runs"
printf '<rss version="2.0"><channel><title>Held</title></channel></rss>\n' >&3
exec 3>&-
i=0
while kill -0 $first 2>/dev/null && [ $i -lt 300 ]; do
	sleep 0.1
	i=$((i + 1))
done
kill $first 2>/dev/null
wait $first
t_eq "the first poll ends once its feed comes" "$?" 0
i=0
while kill -0 $second 2>/dev/null && [ $i -lt 300 ]; do
	sleep 0.1
	i=$((i + 1))
done
kill $second 2>/dev/null
wait $second
t_eq "poll --wait then runs" "$?" 0
tx rm "$held"

# A file size limit in the middle of a poll: a clear error, and the
# archive as it was before that feed.
gen 2024
before=$(count)
(ulimit -f 64; "$TELEX" -d "$T_DB" poll) >"$T_DIR/out" 2>"$T_DIR/err"
rc=$?
T_OUT=$(cat "$T_DIR/out"); T_ERR=$(cat "$T_DIR/err"); T_RC=$rc
t_status "a poll past the file size limit fails" 2
t_match "it says the disk is full or the file too large" "$T_ERR" \
    'disk is full|too large|file size'
tx check
t_status "the archive is whole after it" 0
after=$(count)
[ "$after" -ge "$before" ] && t_ok "nothing stored before was lost" ||
    t_fail "nothing stored before was lost"

t_done
