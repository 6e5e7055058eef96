#!/bin/sh
# The reader's newer keys, each checked by what it did to the archive:
# newsboat's r, N and p, A asking before marking more than 100 items
# read, u undoing the last mark or tag change, the ":" line taking
# config words and verbs, and include with the installed key files.

. "${TELEX_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}/tests/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	t_skip "reader keys" "tmux is not installed"
	t_done
fi
. "$TELEX_SRCDIR/tests/tui.sh"
trap 'tm kill-server 2>/dev/null; t_cleanup' EXIT

wire_feed "$T_DIR/wire.xml"
tx add --no-check "file://$T_DIR/wire.xml"
tx poll
t_status "the wire is polled" 0
unread() { "$TELEX" -d "$T_DB" list is:unread | wc -l | tr -d ' '; }
mkdir -p "$XDG_CONFIG_HOME/telex"
: >"$XDG_CONFIG_HOME/telex/config"

start 100 30
wait_for "the reader opens" "Coast Wire"
keys Enter
wait_for "the list of every item" "telex: All items"
keys A
wait_for "A asks before marking 120 items" "mark 120 items read\\? \\(y/n\\)"
keys n Enter
wait_for "n marks nothing" "nothing marked"
t_eq "...and the archive agrees" "$(unread)" 120
keys A
wait_for "A asks again" "mark 120 items read"
keys y Enter
wait_for "y marks them" "120 items marked read \\(u undoes\\)"
t_eq "every item is read" "$(unread)" 0
keys u
wait_for "u undoes the mark" "undid marking the list read"
t_eq "every item is unread again" "$(unread)" 120

keys g N
wait_for_read() {
	i=0
	while [ $i -lt 100 ] && [ "$(unread)" != "$1" ]; do
		sleep 0.1
		i=$((i + 1))
	done
	t_eq "$2" "$(unread)" "$1"
}
wait_for_read 119 "N marks the first item read"
keys u
wait_for_read 120 "u makes it unread again"
keys j p
keys N
wait_for_read 119 "p goes back up to the first unread (N marks it)"
keys u
wait_for_read 120 "u again"

keys t
wait_for "t asks for tags" "tags \\(\\+add"
keys + s h o r e Enter
wait_for "the tags change" "tags changed"
t_eq "the item has the tag" "$("$TELEX" -d "$T_DB" list tag:shore | wc -l | tr -d ' ')" 1
keys u
wait_for "u undoes the tag change" "undid the last tag change"
t_eq "...and the tag is gone" "$("$TELEX" -d "$T_DB" list tag:shore | wc -l | tr -d ' ')" 0

keys :
wait_for ": opens the command line" "^:"
keys "tag +harbour" Enter
wait_for ":tag tags the item" "tags changed"
t_eq "...in the archive" "$("$TELEX" -d "$T_DB" list tag:harbour | cut -f5)" \
    "Coast story 119"
keys : 'prune title:"coast story 0"' Enter
wait_for ":prune deletes what a query matches" "pruned 1 item"
t_eq "...for good" "$("$TELEX" -d "$T_DB" list | wc -l | tr -d ' ')" 119
keys : "set poll-interval 5m" Enter
wait_for ":set takes a config line" "set poll-interval 5m"
keys q
wait_for "...and it applies at once" "next poll at [0-9:]+ \\(every 5 min\\)"
keys : "frobnicate now" Enter
wait_for "an unknown command is said" 'unknown command "frobnicate"'
keys : "bind z star" Enter
keys Enter g z
i=0; while [ $i -lt 100 ] && [ "$("$TELEX" -d "$T_DB" list is:starred | wc -l | tr -d ' ')" != 1 ]; do sleep 0.1; i=$((i+1)); done
t_eq ":bind binds a key at once" \
    "$("$TELEX" -d "$T_DB" list is:starred | cut -f5)" "Coast story 119"
printf '<item><guid>late</guid><title>Coast story late</title></item>\n' \
    >"$T_DIR/late"
sed -i "s|</channel>|$(cat "$T_DIR/late")</channel>|" "$T_DIR/wire.xml"
touch -d '+1 minute' "$T_DIR/wire.xml"
keys r
wait_for "r polls the list's feed from the items screen" "polled 1 feed: 1 new"
keys Q
wait_for "Q quits" "EXITED 0"

# include: another file's lines, from the config's folder.
cp "$TELEX_SRCDIR/ui/keys/vim.keys" "$XDG_CONFIG_HOME/telex/"
printf 'include vim.keys\ninclude nowhere.keys\n' \
    >"$XDG_CONFIG_HOME/telex/config"
start 100 30
wait_for "a missing include is named" \
    "line 2: cannot read the included file \"nowhere.keys\""
keys Enter
wait_for "the list again" "telex: All items"
before=$(unread)
keys g r
wait_for_read $((before - 1)) "with vim.keys included, r toggles read again"
keys Q
wait_for "Q quits after include" "EXITED 0"

tm kill-server 2>/dev/null
t_done
