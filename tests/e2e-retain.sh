#!/bin/sh
# Retention: telex prune (dry run, what is spared, the archive shrinking,
# an old archive rewritten once), pruned items never coming back, keep
# lines after every poll, and stats saying what they would prune.

. "${TELEX_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}/tests/lib.sh"

ROOT=$T_DIR/root
mkdir -p "$ROOT"
# A feed of 40 items, the older half long, dated a day apart.
feed() {
	"$PYTHON3" - "$ROOT/river.xml" "${1:-}" <<'EOF'
import random, sys
out, extra = sys.argv[1], sys.argv[2]
# Long texts of 3,000 words drawn from 300, as prose repeats its words:
# packed, they still fill pages (of 16 KB) for the prune to give back.
rng = random.Random(1)
vocabulary = ["".join(rng.choice("aeioubcdfghklmnprstvw")
                      for _ in range(rng.randint(3, 10))) for _ in range(300)]
def long_body(i):
    rng = random.Random(i)
    return ("The river authority measured the water at the weir again "
            "this morning and found it higher than last week. " +
            " ".join(rng.choice(vocabulary) for _ in range(3000)))
with open(out, "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">'
            '<channel><title>River Bulletin</title>'
            '<link>https://river.example/</link>\n')
    for i in range(40):
        day = 1 + i % 28
        text = long_body(i) if i < 20 else "Short note %d." % i
        f.write('<item><guid>r-%d</guid><title>Bulletin %d%s</title>'
                '<pubDate>%s, %02d Oct 2026 06:00:00 GMT</pubDate>'
                '<description>%s</description></item>\n'
                % (i, i, extra, "Mon", day if i < 28 else day, text))
    f.write('</channel></rss>\n')
EOF
}
feed
t_server "$ROOT"
tx add --no-check "$T_URL/feed/river.xml"
tx poll
t_status "the river feed is polled" 0
count() { "$TELEX" -d "${2:-$T_DB}" list ${1:-} | wc -l | tr -d ' '; }
t_eq "40 items stored" "$(count)" 40

tx prune
t_status "prune without a query is a usage error" 1
t_match "...saying what to give" "$T_ERR" "prune needs a query"
tx prune 'title:(bulletin'
t_status "a bad query is a usage error" 1

tx mark star 'title:"Bulletin 1"'
tx tag +keepme -- 'title:"Bulletin 2"'
tx mark hide 'title:"Bulletin 3"'
tx prune --dry-run 'title:bulletin'
t_status "prune --dry-run works" 0
t_match "--dry-run says what would go" "$T_OUT" \
    '^would prune 38 items \([0-9.]+ MB of text\)$'
t_eq "--dry-run deletes nothing (hidden, listed)" \
    "$(count is:hidden) $(count)" "1 39"

size_before=$(wc -c <"$T_DB")
tx prune 'title:bulletin'
t_status "prune works" 0
t_match "prune says how many and how much" "$T_OUT" \
    '^pruned 38 items \([0-9.]+ MB of text\); the archive is [0-9.]+ MB smaller$'
t_eq "the starred and the tagged item are spared" \
    "$("$TELEX" -d "$T_DB" list | cut -f5 | sort | tr '\n' ,)" \
    "Bulletin 1,Bulletin 2,"
t_eq "the hidden item went too" "$(count is:hidden)" 0
tx search weir
t_eq "search finds the words of the spared items only" \
    "$(printf '%s\n' "$T_OUT" | cut -f5 | sort | tr '\n' ,)" \
    "Bulletin 1,Bulletin 2,"
size_after=$(wc -c <"$T_DB")
t_eq "the archive file is smaller" \
    "$([ "$size_after" -lt "$size_before" ] && echo smaller)" smaller
tx check
t_status "the archive checks out after a prune" 0

tx prune is:starred
t_match "is:starred prunes starred items" "$T_OUT" '^pruned 1 item '
tx prune tag:keepme
t_match "tag: prunes tagged items" "$T_OUT" '^pruned 1 item '
t_eq "nothing is left" "$(count)" 0

# The feed changes and still lists them: they do not come back.
feed " (revised)"
tx poll
t_status "the revised feed is polled" 0
t_match "...as unchanged: nothing pruned comes back" "$T_OUT" \
    '^polled 1 feed: 0 new'
t_eq "no pruned item is back" "$(count)" 0

# keep lines, after every poll.
K=$T_DIR/keep.db
CONF=$T_DIR/keep.conf
printf 'keep all 5\n' >"$CONF"
"$TELEX" -d "$K" add --no-check "$T_URL/feed/river.xml" >/dev/null
"$TELEX" -d "$K" -c "$CONF" stats >"$T_DIR/stats.out"
t_match "stats without items: nothing to prune" "$(cat "$T_DIR/stats.out")" \
    '^retention: 0 items'
"$TELEX" -d "$K" poll >/dev/null
"$TELEX" -d "$K" mark star 'title:"Bulletin 0"' >/dev/null
"$TELEX" -d "$K" -c "$CONF" stats >"$T_DIR/stats.out"
t_match "stats says what keep lines would prune" "$(cat "$T_DIR/stats.out")" \
    '^retention: 34 items \([0-9.]+ MB of text\) to prune at the next poll$'
"$TELEX" -d "$K" -c "$CONF" stats --json >"$T_DIR/stats.json"
t_match "stats --json too" "$(cat "$T_DIR/stats.json")" '"retention_items":34[,}]'
"$TELEX" -d "$K" -c "$CONF" poll >"$T_DIR/keep.out"
t_match "a poll prunes by the keep lines and says so" \
    "$(cat "$T_DIR/keep.out")" '; 34 old items pruned by keep lines$'
t_eq "the newest 5 and the starred one stay" "$(count "" "$K")" 6
printf 'keep "feed:river" 30d\n' >"$CONF"
"$TELEX" -d "$K" -c "$CONF" poll >"$T_DIR/keep.out"
t_eq "keep by age prunes what is older (but the starred item)" \
    "$(count "" "$K")" 1
printf 'keep all soon\n' >"$CONF"
"$TELEX" -d "$K" -c "$CONF" poll 2>"$T_DIR/keep.err"
t_eq "a bad keep line stops the poll with status 1" "$?" 1
t_match "...naming the file and line" "$(cat "$T_DIR/keep.err")" \
    "keep.conf, line 1: keep: \"soon\" is neither an age"

# A config line telex does not know is skipped with a warning; the
# rest of the file still counts.
# A new archive of 40 items, so that the keep line has work to do.
K=$T_DIR/keep2.db
"$TELEX" -d "$K" add --no-check "$T_URL/feed/river.xml" >/dev/null
"$TELEX" -d "$K" poll >/dev/null
printf 'frobnicate now\nkeep all 1\n' >"$CONF"
"$TELEX" -d "$K" -c "$CONF" poll >"$T_DIR/keep.out" 2>"$T_DIR/keep.err"
t_eq "a poll with an unknown config line goes on" "$?" 0
t_eq "...saying which line it skipped" "$(cat "$T_DIR/keep.err")" \
    "telex: $CONF, line 1: unknown command \"frobnicate\"; the line is skipped"
t_eq "...and the other lines still count: 40 items, 1 kept" \
    "$(count "" "$K")" 1

# An archive made before telex pruned is rewritten once, then shrinks.
if ! command -v sqlite3 >/dev/null 2>&1; then
	t_skip "an old archive is rewritten once" "no sqlite3 program"
	t_done
fi
O=$T_DIR/old.db
"$TELEX" -d "$O" add --no-check "$T_URL/feed/river.xml" >/dev/null
"$TELEX" -d "$O" poll >/dev/null
sqlite3 "$O" 'PRAGMA auto_vacuum = NONE; VACUUM;'
t_eq "the old archive has no incremental vacuum" \
    "$(sqlite3 "$O" 'PRAGMA auto_vacuum')" 0
"$TELEX" -d "$O" prune 'title:bulletin' >"$T_DIR/old.out"
t_match "prune on an old archive" "$(cat "$T_DIR/old.out")" '^pruned 40 items'
t_eq "...turns incremental vacuum on" \
    "$(sqlite3 "$O" 'PRAGMA auto_vacuum')" 2
t_eq "...and leaves no free page" \
    "$(sqlite3 "$O" 'PRAGMA freelist_count')" 0

t_done
