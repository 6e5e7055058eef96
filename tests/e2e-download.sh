#!/bin/sh
# telex download: enclosures fetched from the loopback server into a
# folder under safe names, never over another file, recorded for
# is:downloaded, left alone once whole, and resumed with Range.

. "${TELEX_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}/tests/lib.sh"

ROOT=$T_DIR/root
mkdir -p "$ROOT"
"$PYTHON3" - "$ROOT" <<'EOF'
import os, random, sys
random.seed(7)
for name, size in (("harbour-tales-12.mp3", 300000), ("clip.ogg", 50000),
                   ("long-walk.mp3", 400000), ("dotfile", 1000)):
    with open(os.path.join(sys.argv[1], name), "wb") as f:
        f.write(bytes(random.getrandbits(8) for _ in range(size)))
EOF
t_server "$ROOT"
cat >"$ROOT/pod.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Tales</title>
<link>https://tales.example/</link>
<item><guid>e12</guid><title>Episode 12: the lighthouse keeper</title>
<enclosure url="$T_URL/feed/harbour-tales-12.mp3" type="audio/mpeg" length="300000"/></item>
<item><guid>e11</guid><title>Episode 11: a clip</title>
<enclosure url="$T_URL/feed/clip.ogg?session=9" type="audio/ogg" length="50000"/></item>
<item><guid>e9</guid><title>Episode 9: gone</title>
<enclosure url="$T_URL/feed/missing.mp3" type="audio/mpeg"/></item>
<item><guid>e7</guid><title>Episode 7: the server names it</title>
<enclosure url="$T_URL/attach/clip.ogg?as=Episode%207%20-%20..%2Fnamed.ogg" type="audio/ogg"/></item>
<item><guid>e8</guid><title>Episode 8: the long walk</title>
<enclosure url="$T_URL/feed/long-walk.mp3" type="audio/mpeg"/></item>
<item><guid>n1</guid><title>Show notes</title><description>No audio.</description></item>
</channel></rss>
EOF
tx add --no-check "$T_URL/feed/pod.xml"
tx poll
t_status "the podcast is polled" 0
tx list has:enclosure
t_eq "has:enclosure finds the episodes" "$(printf '%s\n' "$T_OUT" | wc -l | tr -d ' ')" 5
tx list is:downloaded
t_eq "nothing is downloaded yet" "$T_OUT" ""

DL=$T_DIR/downloads
mkdir -p "$DL"
printf 'my own clip\n' >"$DL/clip.ogg"
# Episode 8 broke off after 100000 bytes last time: its .part is there.
long=$("$TELEX" -d "$T_DB" list 'title:"long walk"' | cut -f1)
head -c 100000 "$ROOT/long-walk.mp3" >"$DL/long-walk.mp3.part"
sqlite3 "$T_DB" "INSERT INTO downloads VALUES ($long,
    '$T_URL/feed/long-walk.mp3', '$DL/long-walk.mp3', 100000, 0)"

tx download
t_status "download without a query is a usage error" 1
tx download -o "$DL" 'feed:"harbour tales"'
t_status "a failed enclosure makes download exit 3" 3
t_match "one summary line" "$T_OUT" \
    '^downloaded 4 files: 3 new, 0 already here, 1 failed, 1 resumed \(0\.[0-9] MB\); 1 item without an enclosure$'
t_match "the failed one is named with what to do" "$T_ERR" \
    '^telex: item [0-9]+ \(.*missing\.mp3\): 404 Not Found'
cmp -s "$DL/harbour-tales-12.mp3" "$ROOT/harbour-tales-12.mp3"
t_eq "the file is the enclosure, byte for byte" "$?" 0
cmp -s "$DL/long-walk.mp3" "$ROOT/long-walk.mp3"
t_eq "a broken download is resumed to the whole file" "$?" 0
t_match "...asking for the rest with Range (206)" "$(cat "$T_LOG")" \
    'GET /feed/long-walk.mp3 HTTP/1.1	206	'
numbered=$(ls "$DL" | grep '^clip-[0-9]\.ogg$')
t_eq "a name already taken gets a number, the other file untouched" \
    "$(cat "$DL/clip.ogg")|$(cmp -s "$DL/$numbered" "$ROOT/clip.ogg" && echo same)" \
    "my own clip|same"
t_eq "no .part is left of whole files" "$(ls "$DL" | grep -c '\.part$')" 0
tx list is:downloaded
t_eq "is:downloaded finds the four, not the failed one" \
    "$(printf '%s\n' "$T_OUT" | cut -f5 | sort)" 'Episode 11: a clip
Episode 12: the lighthouse keeper
Episode 7: the server names it
Episode 8: the long walk'
t_eq "a Content-Disposition name is used, made safe (no folder in it)" \
    "$(cmp -s "$DL/named.ogg" "$ROOT/clip.ogg" && echo same)" same

tx download -o "$DL" 'feed:"harbour tales"'
t_match "again: whole files are left alone" "$T_OUT" \
    '^downloaded 0 files: 0 new, 4 already here, 1 failed'
t_eq "...and not fetched again" \
    "$(grep -c 'GET /feed/harbour-tales-12.mp3' "$T_LOG")" 1

# set download-dir, with ~ for $HOME.
mkdir -p "$XDG_CONFIG_HOME/telex"
printf 'set download-dir ~/podcasts\n' >"$XDG_CONFIG_HOME/telex/config"
"$TELEX" -d "$T_DIR/p2.db" add --no-check "$T_URL/feed/pod.xml" >/dev/null
"$TELEX" -d "$T_DIR/p2.db" poll >/dev/null
HOME=$T_DIR "$TELEX" -d "$T_DIR/p2.db" download 'title:lighthouse' >/dev/null
t_eq "set download-dir picks the folder (made as needed)" \
    "$(ls "$T_DIR/podcasts" 2>/dev/null)" "harbour-tales-12.mp3"

# The reader: enclosures numbered in the article, D downloads them.
if command -v tmux >/dev/null 2>&1; then
	. "$TELEX_SRCDIR/tests/tui.sh"
	trap 'tm kill-server 2>/dev/null; t_cleanup' EXIT
	printf 'set download-dir %s/reader-dl\n' "$T_DIR" \
	    >"$XDG_CONFIG_HOME/telex/config"
	T_DB=$T_DIR/p3.db
	tx add --no-check "$T_URL/feed/pod.xml"
	tx poll
	start 100 30
	wait_for "the reader opens on the podcast" "Harbour Tales"
	keys / l i g h t h o u s e Enter Enter
	wait_for "the episode's article" "Episode 12: the lighthouse keeper"
	wait_for "its enclosure is numbered, with type and size" \
	    '\[1\] http://127\.0\.0\.1:[0-9]+/feed/harbour-tales-12\.mp3 \(audio/mpeg, 300 KB\)'
	keys D
	wait_for "D downloads it, saying where" \
	    "downloaded 1 file: 1 new.* in $T_DIR/reader-dl"
	cmp -s "$T_DIR/reader-dl/harbour-tales-12.mp3" \
	    "$ROOT/harbour-tales-12.mp3"
	t_eq "the file is there, whole" "$?" 0
	tx list is:downloaded
	t_match "...and is:downloaded finds it" "$T_OUT" "lighthouse"
	keys Q
	wait_for "Q quits" "EXITED 0"
	tm kill-server 2>/dev/null
else
	t_skip "the reader downloads enclosures" "tmux is not installed"
fi
rm -f "$XDG_CONFIG_HOME/telex/config"

t_done
