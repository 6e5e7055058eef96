#!/bin/sh
# The reader's movement and view keys, each checked by where the cursor
# or the page went: Ctrl-d/Ctrl-u, PgDn/PgUp, Ctrl-f/Ctrl-b, a count
# before j, l/Right and h/Left, S sorting the feeds, T the tags view, H
# hiding what is read, Ctrl-l repainting a dirtied screen, and in an
# article Space, / and . finding text, # opening a numbered link, and
# the help screen's own scrolling.

. "${TELEX_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}/tests/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	t_skip "reader movement keys" "tmux is not installed"
	t_done
fi
. "$TELEX_SRCDIR/tests/tui.sh"
trap 'tm kill-server 2>/dev/null; t_cleanup' EXIT

# Three feeds: the wire of 120 stories (one minute apart, newest first in
# the list), a small read feed, and a long essay with numbered links.
wire_feed "$T_DIR/wire.xml"
"$PYTHON3" - "$T_DIR" <<'EOF'
import sys
d = sys.argv[1]
with open(d + "/alpine.xml", "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">'
            '<channel><title>Alpine Notes</title>'
            '<link>https://alpine.example/</link>\n'
            '<item><guid>a1</guid><title>Pass closed for the winter</title>'
            '<pubDate>Sun, 01 Nov 2026 08:00:00 GMT</pubDate>'
            '<description>Snow came early.</description></item>\n'
            '<item><guid>a2</guid><title>Refuge reopens</title>'
            '<pubDate>Sun, 01 Nov 2026 09:00:00 GMT</pubDate>'
            '<description>The hut is open again.</description></item>\n'
            '</channel></rss>\n')
# The essay: sixty paragraphs, "lantern" in paragraphs 20 and 45 only,
# and three links in the text.
paras = []
for p in range(1, 61):
    word = " The lantern keeper spoke." if p in (20, 45) else ""
    link = ""
    if p == 5:
        link = ' See <a href="https://mid.example/tides">the tide tables</a>.'
    if p == 6:
        link = ' And <a href="https://mid.example/ferries">the ferry times</a>.'
    if p == 7:
        link = ' Or <a href="https://mid.example/maps">the maps</a>.'
    paras.append("<p>Paragraph %d of the essay.%s%s</p>" % (p, word, link))
body = "".join(paras).replace("&", "&amp;").replace("<", "&lt;")
with open(d + "/mid.xml", "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">'
            '<channel><title>Mid Herald</title>'
            '<link>https://mid.example/</link>\n'
            '<item><guid>m1</guid><title>A long essay on the coast</title>'
            '<link>https://mid.example/essay</link>'
            '<pubDate>Sat, 31 Oct 2026 12:00:00 GMT</pubDate>'
            '<description>' + body + '</description></item>\n'
            '</channel></rss>\n')
EOF
tx add --no-check "file://$T_DIR/wire.xml"
tx add --no-check "file://$T_DIR/alpine.xml"
tx add --no-check "file://$T_DIR/mid.xml"
tx poll
t_status "three feeds are polled" 0
tx mark read 'feed:alpine'
t_status "the alpine feed is read" 0
tx tag +harbour -- 'title:"coast story 7"'
t_status "one story is tagged" 0
mkdir -p "$XDG_CONFIG_HOME/telex"
: >"$XDG_CONFIG_HOME/telex/config"

# wait_eq NAME WANT CMD...: CMD prints WANT within 10 s.
wait_eq() {
	name=$1 want=$2
	shift 2
	i=0
	while [ $i -lt 100 ]; do
		got=$("$@")
		[ "$got" = "$want" ] && { t_ok "$name"; return 0; }
		sleep 0.1
		i=$((i + 1))
	done
	{ echo "wanted: $want"; echo "got:    $got"; echo "screen:"; screen; } \
	    >"$T_DIR/why"
	t_fail "$name" "$T_DIR/why"
	return 1
}
# The feed titles in the order the screen shows them.
feed_order() {
	screen | grep -oE "Alpine Notes|Coast Wire|Mid Herald" | tr '\n' ' '
}
# The number of the story under the cursor.
story() { row | sed -n 's/.*Coast story \([0-9]*\).*/\1/p'; }
# The first text line of the page (row 2 of the screen).
top_line() { screen | sed -n 2p | sed 's/^  *//; s/  *$//'; }

# 30 rows: 28 for the list, so a page is 28 and half a page 14.
start 100 30
wait_for "the reader opens" "Coast Wire"

# The feeds screen: S sorts by id, title, unread; H hides read feeds.
wait_eq "feeds in the order they were added" \
    "Coast Wire Alpine Notes Mid Herald " feed_order
keys S
wait_eq "S sorts them by title" "Alpine Notes Coast Wire Mid Herald " \
    feed_order
keys S
wait_eq "S again sorts by unread items, most first" \
    "Coast Wire Mid Herald Alpine Notes " feed_order
keys S
wait_eq "S a third time goes back to the added order" \
    "Coast Wire Alpine Notes Mid Herald " feed_order
keys H
wait_eq "H hides the feed with nothing unread" "Coast Wire Mid Herald " \
    feed_order
keys H
wait_eq "H again shows it" "Coast Wire Alpine Notes Mid Herald " \
    feed_order

# T: the tags view lists the tag; Enter opens its one story.
keys T
wait_eq "T shows the tags instead of the feeds" "" feed_order
wait_for "...with the tag in it" "harbour"
keys Enter
wait_row "Enter on the tag lists its story" "Coast story 7( |$)"
keys q T
wait_for "T goes back to the feeds" "Alpine Notes"

# Moving in a long list: the cursor lands on the expected story.
keys g l
wait_row "l opens the feed at its newest story" "Coast story 119( |$)"
keys C-d
wait_eq "Ctrl-d moves half a page down" 105 story
keys C-u
wait_eq "Ctrl-u moves half a page up" 119 story
keys NPage
wait_eq "PgDn moves a page down" 91 story
keys C-f
wait_eq "Ctrl-f moves another page down" 63 story
keys PPage
wait_eq "PgUp moves a page up" 91 story
keys C-b
wait_eq "Ctrl-b moves another page up" 119 story
keys 5 j
wait_eq "a count before j moves that many lines" 114 story
keys 3 k
wait_eq "...and before k" 117 story

# H in a list: read stories leave it, the cursor goes to the top.
tx mark read 'title:"coast story 119" OR title:"coast story 118"'
keys q Right
wait_row "Right opens the feed too" "Coast story 119( |$)"
keys H
wait_row "H hides the read stories" "Coast story 117( |$)"
wait_gone "...and 118 is gone from the list" "Coast story 118( |$)"
keys H
wait_for "H again shows every story" "Coast story 118( |$)"

# Ctrl-l repaints a screen something else wrote over.  The cursor is
# saved and restored round the scribble, so curses' idea of the screen
# stays right in every other way and only a full repaint removes it.
tty=$(tm display-message -p -t tui '#{pane_tty}')
printf '\0337\033[5;1HSCRIBBLED OVER THE READER\0338' >"$tty"
wait_for "text written to the terminal shows" "SCRIBBLED OVER"
keys C-l
wait_gone "Ctrl-l repaints it away" "SCRIBBLED OVER"

# Left and h go back from a list to the feeds.
keys Left
wait_for "Left goes back to the feeds" "Alpine Notes"
keys G
wait_row "G on the feeds screen goes to the last feed" "Mid Herald"

# The article: Space pages, / and . find, # opens a numbered link.
keys Enter Enter
wait_for "the essay opens" "Paragraph 1 of the essay"
first=$(top_line)
keys Space
wait_gone "Space pages down" "Paragraph 1 of the essay"
keys g
wait_eq "g goes back to the top" "$first" top_line
keys / l a n t e r n Enter
wait_for "/ finds the text" "found on line [0-9]+"
wait_eq "...and the page starts at that line" \
    "Paragraph 20 of the essay. The lantern keeper spoke." top_line
keys .
wait_eq ". finds the next one" \
    "Paragraph 45 of the essay. The lantern keeper spoke." top_line
keys .
wait_eq ". wraps round to the first" \
    "Paragraph 20 of the essay. The lantern keeper spoke." top_line
rm -f "$T_DIR/opened"
keys '#'
wait_for "# asks which link" "link"
keys 2 Enter
i=0
while [ ! -s "$T_DIR/opened" ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
t_eq "# 2 opens the second link in the browser" \
    "$(cat "$T_DIR/opened" 2>/dev/null)" "https://mid.example/ferries"
keys h
wait_row "h goes back from the article to its list" "A long essay"

# The help screen scrolls with the same keys and q leaves it.
keys '?'
wait_for "? opens the help" "Keys of the items screen"
help_top() { screen | sed -n 2p; }
first=$(help_top)
second=$(screen | sed -n 3p)
fifteenth=$(screen | sed -n 17p)
keys j
wait_eq "j scrolls the help one line" "$second" help_top
keys C-d
wait_eq "Ctrl-d scrolls the help half a page further" "$fifteenth" help_top
keys g
wait_eq "g goes back to the help's top" "$first" help_top
keys q
wait_row "q leaves the help where it was opened" "A long essay"

keys Q
wait_for "Q quits" "EXITED 0"
t_done
