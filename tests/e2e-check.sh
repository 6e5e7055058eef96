#!/bin/sh
# telex check on archives damaged on purpose with the sqlite3 program:
# each damage is found (status 2, what is wrong and what to do), --repair
# mends what can be mended and says what it cannot, and check then passes.
. "$(dirname "$0")/lib.sh"

if ! command -v sqlite3 >/dev/null 2>&1; then
	t_skip "damaged archives" "the sqlite3 program is not installed"
	t_done
fi

GOOD=$T_DIR/good.db
"$TELEX" -d "$GOOD" add --no-check \
    "file://$TELEX_SRCDIR/tests/data/port-news.xml" >/dev/null
"$TELEX" -d "$GOOD" poll >/dev/null 2>&1
T_DB=$GOOD
tx check
t_status "a whole archive checks out" 0
t_match "...and says so" "$T_OUT" '^archive ok: 1 feeds, 3 items, search index in step$'

# damaged NAME SQL: a copy of the good archive with SQL run on it.
damaged() {
	T_DB=$T_DIR/$1.db
	cp "$GOOD" "$T_DB"
	sqlite3 "$T_DB" "$2"
}

# found NAME PATTERN: check fails with status 2 and says PATTERN.
found() {
	tx check
	t_status "$1: check fails" 2
	t_match "$1: check says what is wrong and what to do" "$T_OUT" "$2"
	t_match "$1: check names the archive" "$T_ERR" \
	    "the archive .*/$1\\.db is damaged"
}

# mended NAME: --repair mends it, and check then passes.
mended() {
	tx check --repair
	t_status "$1: --repair mends it" 0
	t_match "$1: --repair says what it did" "$T_OUT" '^repaired: '
	tx check
	t_status "$1: check passes after --repair" 0
	t_match "$1: ...with every item" "$T_OUT" '^archive ok: 1 feeds, 3 items'
}

damaged fts "DELETE FROM items_fts_data WHERE id > 10;"
found fts '^the search index does not match the items; telex check --repair rebuilds it$'
mended fts
tx search ferry
t_match "fts: search finds the item again" "$T_OUT" "Night ferry"

damaged index "DROP INDEX items_date;
CREATE INDEX items_date ON items(date) WHERE id < 2;
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = 'CREATE INDEX items_date ON items(date)'
    WHERE name = 'items_date';"
found index '^page check: row [0-9]+ missing from index items_date$'
t_match "index: check says --repair rebuilds the indexes" "$T_OUT" \
    '^an index lacks entries; telex check --repair rebuilds the indexes$'
mended index

damaged body "DELETE FROM item_bodies WHERE item_id = 2;"
found body '^1 items have lost their text \(the first is item 2\); telex check --repair'
mended body
tx show 2
t_status "body: the item is still there" 0
t_match "body: ...with its title" "$T_OUT" "Lifeboat crew"
t_no_match "body: ...and no text yet" "$T_OUT" "brought ashore"
tx poll
tx show 2
t_match "body: the next poll brings the text back" "$T_OUT" "brought ashore"

# Garbage over the cells of the items table's first page.
T_DB=$T_DIR/page.db
cp "$GOOD" "$T_DB"
root=$(sqlite3 "$T_DB" "SELECT rootpage FROM sqlite_schema WHERE name = 'items'")
size=$(sqlite3 "$T_DB" "PRAGMA page_size")
printf 'GARBAGE GARBAGE GARBAGE GARBAGE GARBAGE GARBAGE GARBAGE' |
    dd of="$T_DB" bs=1 seek=$(( (root - 1) * size + 8 )) conv=notrunc \
    2>/dev/null
found page '^pages of the archive are damaged; --repair cannot mend them: restore a backup'
tx check --repair
t_status "page: --repair fails" 2
t_match "page: --repair says it cannot mend it and what to do" "$T_ERR" \
    'cannot mend the archive .*page\.db.*restore a backup, or copy out what is readable with sqlite3 .*page\.db \.recover'

# A WAL cut in the middle of its last transaction: SQLite drops the torn
# transaction and keeps the ones before it whole, so the archive checks
# out with the first change and without the second.
T_DB=$T_DIR/wal.db
cp "$GOOD" "$T_DIR/live.db"
sqlite3 "$T_DIR/live.db" >/dev/null <<EOF2
PRAGMA wal_autocheckpoint = 0;
UPDATE items SET read = 1 WHERE id = 1;
UPDATE items SET starred = 1, title = title || ' $(printf '%04000d' 0)';
.system cp $T_DIR/live.db $T_DB && cp $T_DIR/live.db-wal $T_DB-wal
EOF2
cp "$T_DB" "$T_DIR/whole.db" && cp "$T_DB-wal" "$T_DIR/whole.db-wal"
"$TELEX" -d "$T_DIR/whole.db" list is:read >"$T_DIR/read"
"$TELEX" -d "$T_DIR/whole.db" list is:starred >"$T_DIR/starred"
t_eq "wal: the copy's WAL holds both transactions (read, starred)" \
    "$(cut -f1 "$T_DIR/read") $(wc -l <"$T_DIR/starred" | tr -d ' ')" "1 3"
size=$(wc -c <"$T_DB-wal")
head -c $((size - 2000)) "$T_DB-wal" >"$T_DIR/cut" && mv "$T_DIR/cut" "$T_DB-wal"
tx check
t_status "wal: a cut WAL leaves a whole archive" 0
tx list is:read
t_match "wal: the transaction before the cut is kept" "$T_OUT" "Night ferry"
tx list is:starred
t_eq "wal: the torn transaction is dropped" "$T_OUT" ""

t_done
